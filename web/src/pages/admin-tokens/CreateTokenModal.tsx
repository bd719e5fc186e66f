import { Alert, Button, Checkbox, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatedApiToken, TokenScope } from "../../../../common/api/tokens.js";
import { useCreateApiToken } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { apiFieldErrors } from "../admin-users/apiFieldErrors.js";
import { UserPicker } from "../admin-users/UserPicker.js";

interface TokenFormValues {
  userId: string;
  name: string;
  scopes: TokenScope[];
}

export interface CreateTokenModalProps {
  onClose: () => void;
}

/** Creates a personal API token, then shows its secret this once, to copy. */
export function CreateTokenModal({ onClose }: CreateTokenModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<TokenFormValues>();
  const create = useCreateApiToken();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  function handleFinish(values: TokenFormValues) {
    create.mutate(
      { userId: values.userId, name: values.name.trim(), scopes: values.scopes },
      {
        onSuccess: setCreated,
        onError: (error) => {
          const errors = apiFieldErrors(error, ["userId", "name", "scopes"] as const, (_f, rule, text) =>
            rule === "inactive" ? t("people.tokens.errors.inactive") : text,
          );
          if (errors.length) form.setFields(errors);
          else void message.error(t("people.errors.save"));
        },
      },
    );
  }

  if (created) {
    return (
      <Modal
        open
        title={t("people.tokens.createdTitle", { name: created.token.name })}
        onCancel={onClose}
        mask={{ closable: false }}
        footer={[
          <Button key="done" type="primary" onClick={onClose}>
            {t("people.tokens.copiedDone")}
          </Button>,
        ]}
      >
        <Alert type="warning" showIcon title={t("people.tokens.onceWarning")} style={{ marginBottom: 16 }} />
        <p>{t("people.tokens.secretLabel")}</p>
        <Typography.Paragraph
          copyable={{ text: created.secret, tooltips: [t("people.tokens.copy"), t("people.tokens.copied")] }}
          code
          style={{ overflowWrap: "anywhere" }}
          data-testid="token-secret"
        >
          {created.secret}
        </Typography.Paragraph>
        <p>{t("people.tokens.usage")}</p>
        <Typography.Paragraph code style={{ overflowWrap: "anywhere" }}>
          Authorization: Bearer {created.secret.slice(0, 8)}…
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <AccessibleForm>
      <Modal
        open
        title={t("people.tokens.createTitle")}
        okText={t("people.tokens.createOk")}
        cancelText={t("actions.cancel")}
        onOk={() => form.submit()}
        onCancel={onClose}
        confirmLoading={create.isPending}
        mask={{ closable: false }}
      >
        <Form<TokenFormValues>
          form={form}
          layout="vertical"
          initialValues={{ scopes: ["read"] }}
          onFinish={handleFinish}
        >
          <Form.Item
            name="userId"
            label={t("people.tokens.fields.user")}
            extra={t("people.tokens.userHelp")}
            rules={[{ required: true, message: t("people.errors.required") }]}
          >
            <UserPicker />
          </Form.Item>
          <Form.Item
            name="name"
            label={t("people.tokens.fields.name")}
            extra={t("people.tokens.nameHelp")}
            rules={[{ required: true, whitespace: true, message: t("people.errors.required") }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t("people.tokens.fields.scopes")}
            // A validator, not `required`: antd would put aria-required on the group's div, which ARIA doesn't allow.
            rules={[
              {
                validator: (_r, v?: string[]) =>
                  v?.length ? Promise.resolve() : Promise.reject(new Error(t("people.tokens.errors.scopes"))),
              },
            ]}
          >
            <Checkbox.Group
              style={{ display: "flex", flexDirection: "column", gap: 8 }}
              options={(["read", "write"] as const).map((scope) => ({
                value: scope,
                label: `${t(`people.tokens.scopes.${scope}`)} — ${t(`people.tokens.scopeHelp.${scope}`)}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </AccessibleForm>
  );
}
