import { Alert, Button, Form, Modal, Result } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { VirtualClass } from "../../../../common/api/classes.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCreateClass } from "../../api/actions.js";
import { useCurrentUser } from "../../api/auth.js";
import { ApiError } from "../../api/client.js";
import { courseClassesPath } from "../../app/navigation.js";
import { ButtonLink } from "../../components/ButtonLink.js";
import { AccessibleForm } from "./AccessibleForm.js";
import "./actions.css";
import type { ActionDialogProps } from "./actionDialog.js";
import { ClassForm } from "./ClassForm.js";
import { type ClassFormValues, classFormFields, newClassValues, valuesToFields } from "./classFormValues.js";
import { serverFieldErrors } from "./serverFieldErrors.js";
import { useClassRuleText } from "./useClassRuleText.js";

export type ClassDialogProps = ActionDialogProps;

/** `Classe virtuelle` (A2): schedule a session and invite the selection, each by email with an .ics invitation. */
export function ClassDialog({ open, courseId, selection, count, onClose, afterClose }: ClassDialogProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [form] = Form.useForm<ClassFormValues>();
  const [initialValues] = useState(() => newClassValues(user.timeZone));
  const [created, setCreated] = useState<VirtualClass | null>(null);
  const create = useCreateClass(courseId);
  const describeRule = useClassRuleText();

  function handleFinish(values: ClassFormValues) {
    create.mutate(
      { ...valuesToFields(values), selection },
      {
        onSuccess: setCreated,
        onError: (error) => form.setFields(serverFieldErrors(error, classFormFields, describeRule)),
      },
    );
  }

  const fieldErrors = serverFieldErrors(create.error, classFormFields, describeRule);
  const generalError =
    create.error && fieldErrors.length === 0
      ? create.error instanceof ApiError && create.error.status === 400
        ? t("classes.errors.emptySelection")
        : t("classes.errors.saveFailed")
      : null;

  const footer = created
    ? [
        <Button key="close" onClick={onClose}>
          {t("actions.close")}
        </Button>,
        <ButtonLink key="open" type="primary" to={courseClassesPath(courseId)}>
          {t("classes.openList")}
        </ButtonLink>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t("actions.cancel")}
        </Button>,
        <Button key="submit" type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t("classes.dialog.submit", { count })}
        </Button>,
      ];

  return (
    <AccessibleForm>
      <Modal
        open={open}
        title={t("classes.dialog.title")}
        onCancel={onClose}
        afterClose={afterClose}
        width={720}
        mask={{ closable: false }}
        footer={footer}
      >
        {created ? (
          <Result
            status="success"
            title={t("classes.dialog.createdTitle", { title: created.title })}
            subTitle={t("classes.dialog.createdText", {
              count: created.invitees,
              date: formatDateTime(created.startsAt, created.timeZone),
              timeZone: created.timeZone,
            })}
          />
        ) : (
          <>
            <p style={{ margin: "0 0 16px", color: "rgba(0, 0, 0, 0.65)" }}>{t("classes.dialog.intro", { count })}</p>
            <ClassForm form={form} initialValues={initialValues} onFinish={handleFinish} />
            {generalError ? <Alert type="error" showIcon role="alert" title={generalError} /> : null}
          </>
        )}
      </Modal>
    </AccessibleForm>
  );
}
