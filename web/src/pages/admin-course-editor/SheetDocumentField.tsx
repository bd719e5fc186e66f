import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Popconfirm } from "antd";
import { type ChangeEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type AdminLesson, SHEET_DOCUMENT_MAX_BYTES } from "../../../../common/api/catalogue-admin.js";
import { useRemoveSheetDocument, useUploadSheetDocument } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { errorMessage } from "../admin-courses/formErrors.js";

export interface SheetDocumentFieldProps {
  courseId: string;
  lesson: AdminLesson;
}

/** A practical sheet's optional PDF (learners open it beside the text): upload, replace or remove. */
export function SheetDocumentField({ courseId, lesson }: SheetDocumentFieldProps) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadSheetDocument(courseId);
  const remove = useRemoveSheetDocument(courseId);
  const document = lesson.settings.document ?? null;

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > SHEET_DOCUMENT_MAX_BYTES) {
      void message.error(t("catalogueAdmin.errors.maxSizePdf"));
      return;
    }
    try {
      await upload.mutateAsync({ lessonId: lesson.id, file });
      void message.success(t("catalogueAdmin.lessons.documentSaved"));
    } catch (error) {
      void message.error(errorMessage(error, t), 8);
    }
  }

  function handleRemove() {
    return remove
      .mutateAsync(lesson.id)
      .then(() => void message.success(t("catalogueAdmin.lessons.documentRemoved")))
      .catch((error: unknown) => void message.error(errorMessage(error, t)));
  }

  const size = document
    ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(document.sizeBytes / 1024 / 1024)
    : "";
  return (
    <fieldset style={{ border: 0, padding: 0, margin: "0 0 16px", minWidth: 0 }}>
      <legend style={{ fontWeight: 500, marginBottom: 6, fontSize: 14, border: 0 }}>
        {t("catalogueAdmin.lessons.document")}
      </legend>
      {document ? (
        <div style={{ display: "flex", alignItems: "center", gap: 8, marginBottom: 8 }}>
          <FilePdfOutlined aria-hidden="true" style={{ color: "#be123c" }} />
          <span>{document.fileName}</span>
          <span className="admin-muted">{t("catalogueAdmin.lessons.documentSize", { size })}</span>
        </div>
      ) : (
        <p className="admin-muted" style={{ margin: "0 0 8px" }}>
          {t("catalogueAdmin.lessons.noDocument")}
        </p>
      )}
      <input
        ref={input}
        type="file"
        tabIndex={-1}
        className="admin-file-input"
        accept="application/pdf"
        aria-label={t("catalogueAdmin.lessons.documentFile")}
        onChange={(event) => void handleFile(event)}
      />
      <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8 }}>
        <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
          {document ? t("catalogueAdmin.lessons.replaceDocument") : t("catalogueAdmin.lessons.uploadDocument")}
        </Button>
        {document ? (
          <Popconfirm
            title={t("catalogueAdmin.lessons.removeDocumentTitle")}
            okText={t("catalogueAdmin.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("catalogueAdmin.cancel")}
            onConfirm={handleRemove}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t("catalogueAdmin.lessons.removeDocument")}
            </Button>
          </Popconfirm>
        ) : null}
      </span>
    </fieldset>
  );
}
