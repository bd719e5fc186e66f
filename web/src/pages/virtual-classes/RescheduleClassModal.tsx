import { Alert, Form, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { VirtualClass } from "../../../../common/api/classes.js";
import { useRescheduleClass } from "../../api/actions.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { ClassForm } from "../actions/ClassForm.js";
import { type ClassFormValues, classFormFields, classToValues, valuesToFields } from "../actions/classFormValues.js";
import { serverFieldErrors } from "../actions/serverFieldErrors.js";
import { useClassRuleText } from "../actions/useClassRuleText.js";

export interface RescheduleClassModalProps {
  courseId: string;
  virtualClass: VirtualClass;
  onClose: () => void;
}

/** Changes a class's time, link or text; every invitee gets an update of the same invitation. */
export function RescheduleClassModal({ courseId, virtualClass, onClose }: RescheduleClassModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<ClassFormValues>();
  const [initialValues] = useState(() => classToValues(virtualClass));
  const reschedule = useRescheduleClass(courseId);
  const describeRule = useClassRuleText();

  function handleFinish(values: ClassFormValues) {
    reschedule.mutate(
      { classId: virtualClass.id, input: valuesToFields(values) },
      {
        onSuccess: () => {
          void message.success(t("classes.rescheduled", { count: virtualClass.invitees }));
          onClose();
        },
        onError: (error) => form.setFields(serverFieldErrors(error, classFormFields, describeRule)),
      },
    );
  }

  const failed = reschedule.error && serverFieldErrors(reschedule.error, classFormFields, describeRule).length === 0;

  return (
    <AccessibleForm>
      <Modal
        open
        title={t("classes.rescheduleTitle")}
        onCancel={onClose}
        okText={t("classes.rescheduleSubmit")}
        cancelText={t("actions.cancel")}
        okButtonProps={{ loading: reschedule.isPending }}
        onOk={() => form.submit()}
        width={720}
        mask={{ closable: false }}
      >
        <p style={{ margin: "0 0 16px", color: "rgba(0, 0, 0, 0.65)" }}>
          {t("classes.rescheduleIntro", { count: virtualClass.invitees })}
        </p>
        <ClassForm form={form} initialValues={initialValues} onFinish={handleFinish} />
        {failed ? <Alert type="error" showIcon role="alert" title={t("classes.errors.saveFailed")} /> : null}
      </Modal>
    </AccessibleForm>
  );
}
