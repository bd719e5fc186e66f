import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { useRevokeCertificate } from "../../api/actions.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "./AccessibleForm.js";

interface RevokeValues {
  reason: string;
}

export interface RevokeCertificateModalProps {
  courseId: string;
  learnerId: string;
  certificateId: string;
  /** The learner's name and the certificate's kind, to say what is revoked. */
  name: string;
  kind: string;
  onClose: () => void;
}

/** Revokes a certificate with a reason (audited); its public verification page then says revoked. */
export function RevokeCertificateModal({
  courseId,
  learnerId,
  certificateId,
  name,
  kind,
  onClose,
}: RevokeCertificateModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<RevokeValues>();
  const revoke = useRevokeCertificate(courseId);

  function handleFinish({ reason }: RevokeValues) {
    revoke.mutate(
      { learnerId, certificateId, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t("actions.certificate.revoked", { name }));
          onClose();
        },
        onError: () => void message.error(t("actions.certificate.revokeError")),
      },
    );
  }

  return (
    <AccessibleForm>
      <Modal
        open
        title={t("actions.certificate.revokeTitle", { name })}
        onCancel={onClose}
        okText={t("actions.certificate.revoke")}
        okButtonProps={{ danger: true, loading: revoke.isPending }}
        cancelText={t("actions.cancel")}
        onOk={() => form.submit()}
        mask={{ closable: false }}
      >
        <p style={{ marginTop: 0 }}>{t("actions.certificate.revokeText", { kind })}</p>
        <Form<RevokeValues> form={form} layout="vertical" onFinish={handleFinish}>
          <Form.Item
            name="reason"
            label={t("actions.certificate.reason")}
            rules={[
              { required: true, whitespace: true, message: t("actions.certificate.reasonRequired") },
              { max: 2000, message: t("actions.certificate.reasonTooLong") },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </AccessibleForm>
  );
}
