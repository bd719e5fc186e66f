import { AutoComplete, Checkbox, Form, Input, Modal, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import type { AdminUser } from "../../../../common/api/people.js";
import { useCreateUser, useOrganisations, useUpdateUser } from "../../api/people.js";
import { useFeedback } from "../../app/feedback.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { apiFieldErrors } from "./apiFieldErrors.js";

type Role = "admin" | "tutor" | "learner";

interface UserFormValues {
  email: string;
  firstName: string;
  lastName: string;
  organisation?: string;
  roles: Role[];
  locale: "fr" | "en";
  active: boolean;
  password?: string;
}

const fields = ["email", "firstName", "lastName", "organisation", "roles", "locale", "active", "password"] as const;

export interface UserFormModalProps {
  /** The user to edit; null to create one. */
  user: AdminUser | null;
  onClose: () => void;
}

/** Creates or edits an account: identity, organisation (a new name creates it), roles, language, active, password. */
export function UserFormModal({ user, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<UserFormValues>();
  const organisations = useOrganisations();
  const create = useCreateUser();
  const update = useUpdateUser();

  function handleError(error: Error) {
    const errors = apiFieldErrors(error, fields, (_field, rule, text) =>
      rule === "unique" ? t("people.users.errors.emailTaken") : rule === "self" ? t("people.users.errors.self") : text,
    );
    if (errors.length) form.setFields(errors);
    else void message.error(t("people.errors.save"));
  }

  function handleFinish(values: UserFormValues) {
    const input = {
      email: values.email.trim(),
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      organisation: values.organisation?.trim() || null,
      roles: values.roles,
      locale: values.locale,
      active: values.active,
      ...(values.password ? { password: values.password } : {}),
    };
    const done = {
      onSuccess: (saved: AdminUser) => {
        void message.success(t("people.users.saved", { name: `${saved.firstName} ${saved.lastName}` }));
        onClose();
      },
      onError: handleError,
    };
    if (user) update.mutate({ userId: user.id, input }, done);
    else create.mutate(input, done);
  }

  const initial: UserFormValues = user
    ? {
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        organisation: user.organisation ?? undefined,
        roles: user.roles,
        locale: user.locale,
        active: user.active,
      }
    : { email: "", firstName: "", lastName: "", roles: ["learner"], locale: "fr", active: true };

  return (
    <AccessibleForm>
      <Modal
        open
        title={user ? t("people.users.editTitle") : t("people.users.createTitle")}
        okText={t("people.save")}
        cancelText={t("actions.cancel")}
        onOk={() => form.submit()}
        onCancel={onClose}
        confirmLoading={create.isPending || update.isPending}
        mask={{ closable: false }}
        width={560}
      >
        <Form<UserFormValues> form={form} layout="vertical" initialValues={initial} onFinish={handleFinish}>
          <Form.Item
            name="email"
            label={t("people.users.fields.email")}
            rules={[
              { required: true, message: t("people.errors.required") },
              { type: "email", message: t("people.users.errors.email") },
            ]}
          >
            <Input maxLength={320} autoComplete="off" />
          </Form.Item>
          <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
            <Form.Item
              name="firstName"
              label={t("people.users.fields.firstName")}
              rules={[{ required: true, whitespace: true, message: t("people.errors.required") }]}
              style={{ flex: "1 1 200px" }}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="lastName"
              label={t("people.users.fields.lastName")}
              rules={[{ required: true, whitespace: true, message: t("people.errors.required") }]}
              style={{ flex: "1 1 200px" }}
            >
              <Input maxLength={200} />
            </Form.Item>
          </div>
          <Form.Item
            name="organisation"
            label={t("people.users.fields.organisation")}
            extra={t("people.users.organisationHelp")}
          >
            <AutoComplete
              options={(organisations.data?.items ?? []).map((o) => ({ value: o.name }))}
              filterOption={(input, option) => (option?.value ?? "").toLowerCase().includes(input.toLowerCase())}
              allowClear
              maxLength={200}
            />
          </Form.Item>
          <Form.Item
            name="roles"
            label={t("people.users.fields.roles")}
            // A validator, not `required`: antd would put aria-required on the group's div, which ARIA doesn't allow.
            rules={[
              {
                validator: (_r, v?: string[]) =>
                  v?.length ? Promise.resolve() : Promise.reject(new Error(t("people.users.errors.roles"))),
              },
            ]}
          >
            <Checkbox.Group
              options={(["learner", "tutor", "admin"] as const).map((role) => ({
                value: role,
                label: t(`people.roles.${role}`),
              }))}
            />
          </Form.Item>
          <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
            <Form.Item name="locale" label={t("people.users.fields.locale")} style={{ flex: "1 1 200px" }}>
              <Select
                options={[
                  { value: "fr", label: t("people.locales.fr") },
                  { value: "en", label: t("people.locales.en") },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="active"
              label={t("people.users.fields.active")}
              valuePropName="checked"
              style={{ flex: "1 1 200px" }}
            >
              <Switch />
            </Form.Item>
          </div>
          <Form.Item
            name="password"
            label={user ? t("people.users.fields.newPassword") : t("people.users.fields.password")}
            extra={user?.hasPassword === false || !user ? t("people.users.passwordHelp") : undefined}
            rules={[{ min: 8, message: t("people.users.errors.password") }]}
          >
            <Input.Password maxLength={1000} autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </AccessibleForm>
  );
}
