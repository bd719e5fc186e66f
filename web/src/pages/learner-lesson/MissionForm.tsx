import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, InputNumber, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LEARNER_LIMITS, MISSION_FILE_EXTENSIONS } from "../../../../common/api/learner.js";
import { ApiError } from "../../api/client.js";
import { useSubmitMission } from "../../api/learner.js";
import { useFeedback } from "../../app/feedback.js";

export interface MissionFormProps {
  courseId: string;
  lessonId: string;
  /** A resubmission after a failed correction. */
  again: boolean;
}

interface Values {
  text: string;
  declaredMinutes: number | null;
}

const accept = MISSION_FILE_EXTENSIONS.map((ext) => `.${ext}`).join(",");

/** The mission's submission form: text, time spent and up to 5 files, checked here and again by the server. */
export function MissionForm({ courseId, lessonId, again }: MissionFormProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const submit = useSubmitMission(courseId, lessonId);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);

  function checkFile(file: File): string | null {
    const ext = file.name.includes(".") ? file.name.slice(file.name.lastIndexOf(".") + 1).toLowerCase() : "";
    if (!(MISSION_FILE_EXTENSIONS as readonly string[]).includes(ext)) {
      return t("learner.mission.fileType", { name: file.name });
    }
    if (file.size > LEARNER_LIMITS.missionFileBytes) return t("learner.mission.fileSize", { name: file.name });
    if (file.size === 0) return t("learner.mission.fileEmpty", { name: file.name });
    return null;
  }

  function handleBeforeUpload(file: File & { uid: string }) {
    const problem = checkFile(file);
    if (problem) {
      setFileError(problem);
      return Upload.LIST_IGNORE;
    }
    setFiles((current) => {
      if (current.length >= LEARNER_LIMITS.missionFiles) {
        setFileError(t("learner.mission.fileCount", { count: LEARNER_LIMITS.missionFiles }));
        return current;
      }
      setFileError(null);
      return [...current, { uid: file.uid, name: file.name, originFileObj: file, status: "done" } as UploadFile];
    });
    // Kept in the form and sent with the submission, not uploaded on its own.
    return false;
  }

  function handleRemove(file: UploadFile) {
    setFiles((current) => current.filter((f) => f.uid !== file.uid));
  }

  function handleFinish(values: Values) {
    const text = values.text?.trim() ?? "";
    if (!text && files.length === 0) {
      form.setFields([{ name: "text", errors: [t("learner.mission.empty")] }]);
      return;
    }
    submit.mutate(
      {
        text,
        declaredMinutes: values.declaredMinutes ?? 0,
        files: files.map((f) => f.originFileObj as File),
      },
      {
        onSuccess: () => {
          void message.success(t("learner.mission.sent"));
          form.resetFields();
          setFiles([]);
        },
      },
    );
  }

  const serverError =
    submit.error instanceof ApiError
      ? (submit.error.fields[0]?.message ?? submit.error.message)
      : submit.isError
        ? t("learner.saveError")
        : null;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={handleFinish}
      initialValues={{ text: "", declaredMinutes: null }}
      requiredMark={false}
    >
      <h3 style={{ fontSize: 15, marginTop: 0 }}>
        {again ? t("learner.mission.resubmitTitle") : t("learner.mission.submitTitle")}
      </h3>
      <Form.Item name="text" label={t("learner.mission.text")}>
        <Input.TextArea rows={6} maxLength={LEARNER_LIMITS.missionTextMax} showCount />
      </Form.Item>
      <Form.Item name="declaredMinutes" label={t("learner.mission.declaredMinutes")}>
        <InputNumber min={0} max={LEARNER_LIMITS.declaredMinutesMax} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label={t("learner.mission.files")} extra={t("learner.mission.filesHelp")}>
        <Upload accept={accept} multiple fileList={files} beforeUpload={handleBeforeUpload} onRemove={handleRemove}>
          <Button icon={<UploadOutlined aria-hidden="true" />} disabled={files.length >= LEARNER_LIMITS.missionFiles}>
            {t("learner.mission.addFiles")}
          </Button>
        </Upload>
      </Form.Item>
      {fileError ? <Alert type="warning" showIcon role="alert" title={fileError} style={{ marginBottom: 12 }} /> : null}
      {serverError ? (
        <Alert type="error" showIcon role="alert" title={serverError} style={{ marginBottom: 12 }} />
      ) : null}
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t("learner.mission.submit")}
      </Button>
    </Form>
  );
}
