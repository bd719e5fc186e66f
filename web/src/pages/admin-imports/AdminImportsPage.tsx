import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Radio, Space, Statistic, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  IMPORT_MAX_BYTES,
  type ImportKind,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
  importKinds,
} from "../../../../common/api/imports.js";
import { ApiError } from "../../api/client.js";
import { usePreviewImport, useRunImport } from "../../api/people.js";
import { adminPeopleRoutes } from "../../app/navigation.js";
import { ButtonLink } from "../../components/ButtonLink.js";
import { PageHeader } from "../../components/PageHeader.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { ImportColumnsHelp } from "./ImportColumnsHelp.js";
import { ImportErrorsTable } from "./ImportErrorsTable.js";

const kindTarget: Record<ImportKind, string> = {
  users: adminPeopleRoutes.users,
  "list-members": adminPeopleRoutes.lists,
  enrollments: adminPeopleRoutes.enrollments,
  "tutor-assignments": adminPeopleRoutes.tutors,
};

/**
 * `Administration > Imports`: choose what to import, upload a CSV, see what it would do row by row,
 * then import everything or only the valid rows (S3).
 */
export function AdminImportsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>("users");
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("valid_rows");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const previewImport = usePreviewImport();
  const runImport = useRunImport();

  function reset(next?: Partial<{ kind: ImportKind; file: File | null }>) {
    if (next?.kind) setKind(next.kind);
    if (next && "file" in next) setFile(next.file ?? null);
    setPreview(null);
    setResult(null);
    setFileError(null);
  }

  function errorText(error: unknown) {
    if (error instanceof ApiError && error.fields[0]?.field === "file") {
      const rule = error.fields[0].rule;
      const known = ["empty", "encoding", "type", "max_size", "delimiter", "columns", "csv"];
      return known.includes(rule)
        ? `${t(`people.imports.fileErrors.${rule}` as "people.imports.fileErrors.empty")} ${error.message}`
        : error.message;
    }
    if (error instanceof ApiError && error.code === "import_has_errors") return t("people.imports.refused");
    return t("people.errors.save");
  }

  function handlePreview() {
    if (!file) return;
    setFileError(null);
    setResult(null);
    previewImport.mutate(
      { kind, file },
      {
        onSuccess: (data) => {
          setPreview(data);
          if (data.counts.invalid > 0) setMode("valid_rows");
        },
        onError: (error) => {
          setPreview(null);
          setFileError(errorText(error));
        },
      },
    );
  }

  function handleImport() {
    if (!file) return;
    runImport.mutate(
      { kind, file, mode },
      {
        onSuccess: (data) => {
          setResult(data);
          setPreview(null);
        },
        onError: (error) => setFileError(errorText(error)),
      },
    );
  }

  const title = t("people.imports.title");
  const counts = (result ?? preview)?.counts;
  const maxMb = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
  return (
    <AccessibleForm>
      <PageHeader title={title} breadcrumb={[t("nav.administration"), title]} />
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("people.imports.step1")}</h2>}>
          <Radio.Group
            aria-label={t("people.imports.kindLabel")}
            value={kind}
            onChange={(event) => reset({ kind: event.target.value as ImportKind, file: null })}
            optionType="button"
            buttonStyle="solid"
            options={importKinds.map((k) => ({ value: k, label: t(`people.imports.kinds.${k}`) }))}
          />
          <p style={{ margin: "16px 0 8px" }}>{t("people.imports.format", { max: maxMb })}</p>
          <ImportColumnsHelp kind={kind} />
        </Card>

        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("people.imports.step2")}</h2>}>
          <Upload.Dragger
            accept=".csv,.txt,text/csv"
            maxCount={1}
            multiple={false}
            fileList={file ? [{ uid: "csv", name: file.name, status: "done", size: file.size, type: file.type }] : []}
            beforeUpload={(chosen) => {
              reset({ file: chosen });
              return false;
            }}
            onRemove={() => reset({ file: null })}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("people.imports.drop")}</p>
            <p className="ant-upload-hint">{t("people.imports.dropHint", { max: maxMb })}</p>
          </Upload.Dragger>
          <Button
            type="primary"
            style={{ marginTop: 16 }}
            disabled={!file}
            loading={previewImport.isPending}
            onClick={handlePreview}
          >
            {t("people.imports.check")}
          </Button>
          {fileError ? (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title={t("people.imports.fileRefused")}
              description={fileError}
            />
          ) : null}
        </Card>

        {preview && counts ? (
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("people.imports.step3")}</h2>}>
            <Space size={32} wrap style={{ marginBottom: 16 }}>
              <Statistic title={t("people.imports.counts.rows")} value={counts.rows} />
              <Statistic title={t("people.imports.counts.create")} value={counts.create} />
              <Statistic title={t("people.imports.counts.update")} value={counts.update} />
              <Statistic title={t("people.imports.counts.unchanged")} value={counts.unchanged} />
              <Statistic title={t("people.imports.counts.invalid")} value={counts.invalid} />
            </Space>
            {preview.errorCount > 0 ? (
              <>
                <h3 style={{ fontSize: 15 }}>{t("people.imports.errorsTitle", { count: preview.errorCount })}</h3>
                {preview.errorCount > preview.errors.length ? (
                  <p>{t("people.imports.errorsCut", { shown: preview.errors.length })}</p>
                ) : null}
                <ImportErrorsTable errors={preview.errors} />
              </>
            ) : (
              <Alert type="success" showIcon title={t("people.imports.noErrors")} />
            )}
            <fieldset style={{ border: 0, padding: 0, margin: "16px 0 0" }}>
              <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>
                {t("people.imports.modeLabel")}
              </legend>
              <Radio.Group value={mode} onChange={(event) => setMode(event.target.value as ImportMode)}>
                <Space direction="vertical">
                  <Radio value="all_or_nothing" disabled={counts.invalid > 0}>
                    {t("people.imports.modes.all_or_nothing")}
                  </Radio>
                  <Radio value="valid_rows">{t("people.imports.modes.valid_rows")}</Radio>
                </Space>
              </Radio.Group>
              {counts.invalid > 0 ? <p style={{ marginTop: 8 }}>{t("people.imports.allOrNothingDisabled")}</p> : null}
            </fieldset>
            <Button
              type="primary"
              style={{ marginTop: 16 }}
              loading={runImport.isPending}
              disabled={counts.create + counts.update === 0}
              onClick={handleImport}
            >
              {t("people.imports.import", { count: counts.create + counts.update })}
            </Button>
          </Card>
        ) : null}

        {result ? (
          <Alert
            type="success"
            showIcon
            title={t("people.imports.done", { seconds: result.seconds.toLocaleString() })}
            description={
              <>
                <p style={{ margin: "4px 0" }}>
                  {t("people.imports.doneCounts", {
                    create: result.counts.create,
                    update: result.counts.update,
                    unchanged: result.counts.unchanged,
                    invalid: result.counts.invalid,
                  })}
                </p>
                <ButtonLink to={kindTarget[kind]}>{t(`people.imports.see.${kind}`)}</ButtonLink>
              </>
            }
          />
        ) : null}
      </Space>
    </AccessibleForm>
  );
}
