import { Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminList } from "../../../../common/api/people.js";
import { useSaveList } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { apiFieldErrors } from "../admin-users/apiFieldErrors.js";

export interface ListNameModalProps {
  /** The list to rename; null to create one. */
  list: AdminList | null;
  onClose: (saved?: AdminList) => void;
}

/** Creates or renames a learner list (names are unique). */
export function ListNameModal({ list, onClose }: ListNameModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ name: string }>();
  const save = useSaveList();

  function handleFinish(values: { name: string }) {
    save.mutate(
      { listId: list?.id ?? null, input: { name: values.name.trim() } },
      {
        onSuccess: (saved) => {
          void message.success(t("people.lists.saved", { name: saved.name }));
          onClose(saved);
        },
        onError: (error) => {
          const errors = apiFieldErrors(error, ["name"] as const, (_f, rule, text) =>
            rule === "unique" ? t("people.lists.errors.taken") : text,
          );
          if (errors.length) form.setFields(errors);
          else void message.error(t("people.errors.save"));
        },
      },
    );
  }

  return (
    <AccessibleForm>
      <Modal
        open
        title={list ? t("people.lists.renameTitle") : t("people.lists.createTitle")}
        okText={t("people.save")}
        cancelText={t("actions.cancel")}
        onOk={() => form.submit()}
        onCancel={() => onClose()}
        confirmLoading={save.isPending}
        mask={{ closable: false }}
      >
        <Form form={form} layout="vertical" initialValues={{ name: list?.name ?? "" }} onFinish={handleFinish}>
          <Form.Item
            name="name"
            label={t("people.lists.fields.name")}
            rules={[{ required: true, whitespace: true, message: t("people.errors.required") }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </AccessibleForm>
  );
}
