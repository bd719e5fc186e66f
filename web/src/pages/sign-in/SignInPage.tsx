import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Form, Input } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import type { SignInRequest } from "../../../../common/api/auth.js";
import { useSession, useSignIn } from "../../api/auth.js";
import { landingPathFor, safeRedirect } from "../../app/landing.js";
import { BrandMark } from "../../components/BrandMark.js";
import { LanguageSwitch } from "../../components/LanguageSwitch.js";
import { PageLoader } from "../../components/PageLoader.js";
import { signInErrorMessage } from "./signInErrorMessage.js";

/** `/sign-in`: email and password; then back to the page asked for, or the user's home screen. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const [searchParams] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const [form] = Form.useForm<SignInRequest>();
  const alertRef = useRef<HTMLDivElement>(null);
  const redirect = safeRedirect(searchParams.get("redirect"));

  useEffect(() => {
    // Move focus to the message so keyboard and screen reader users land on it.
    if (signIn.isError) alertRef.current?.focus();
  }, [signIn.isError]);

  useEffect(() => {
    // Field messages are computed when a field is validated: recompute the shown ones in the new language.
    const withErrors = form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => field.name);
    if (i18n.language && withErrors.length > 0) void form.validateFields(withErrors).catch(() => {});
  }, [i18n.language, form]);

  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={redirect ?? landingPathFor(session.data.user)} replace />;

  function handleFinish(values: SignInRequest) {
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      { onError: () => form.setFieldValue("password", "") },
    );
  }

  return (
    <Flex style={{ minHeight: "100vh", background: "#f3f5f9" }}>
      <title>{t("app.documentTitle", { page: t("signIn.title") })}</title>
      <div className="sign-in-hero">
        <BrandMark inverted size="large" />
        <div>
          <p style={{ margin: "0 0 16px", fontSize: 28, fontWeight: 600, lineHeight: 1.25 }}>{t("signIn.heroTitle")}</p>
          <p style={{ margin: 0, color: "rgba(255, 255, 255, 0.82)", fontSize: 16, lineHeight: 1.6, maxWidth: 440 }}>
            {t("signIn.heroText")}
          </p>
        </div>
        <span style={{ color: "rgba(255, 255, 255, 0.7)" }}>{t("app.tagline")}</span>
      </div>
      <Flex vertical align="center" justify="center" style={{ flex: 1, padding: "32px 16px", position: "relative" }}>
        <div style={{ position: "absolute", top: 20, right: 24 }}>
          <LanguageSwitch />
        </div>
        <main style={{ width: "100%", maxWidth: 400 }}>
          <Card variant="borderless" style={{ boxShadow: "0 8px 24px rgba(15, 31, 61, 0.08)" }}>
            <div className="sign-in-compact-brand">
              <BrandMark />
            </div>
            {/* Plain headings rather than antd Typography: it would add 100 kB to the first screen. */}
            <h1 style={{ fontSize: 24, lineHeight: 1.3, margin: "0 0 4px", fontWeight: 600 }}>{t("signIn.title")}</h1>
            <p style={{ margin: "0 0 24px", color: "rgba(0, 0, 0, 0.65)" }}>{t("signIn.subtitle")}</p>
            {signIn.isError ? (
              <div ref={alertRef} tabIndex={-1} style={{ marginBottom: 20, outline: "none" }}>
                <Alert type="error" showIcon role="alert" title={signInErrorMessage(signIn.error, t)} />
              </div>
            ) : null}
            <Form<SignInRequest>
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={handleFinish}
              noValidate
              disabled={signIn.isPending}
            >
              <Form.Item
                name="email"
                label={t("signIn.email")}
                rules={[
                  { required: true, whitespace: true, message: t("signIn.emailRequired") },
                  { type: "email", message: t("signIn.emailInvalid") },
                ]}
                validateTrigger="onBlur"
              >
                <Input
                  type="email"
                  size="large"
                  autoComplete="username"
                  autoFocus
                  prefix={<MailOutlined aria-hidden style={{ color: "rgba(0, 0, 0, 0.45)" }} />}
                  placeholder={t("signIn.emailPlaceholder")}
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t("signIn.password")}
                rules={[{ required: true, message: t("signIn.passwordRequired") }]}
              >
                <Input.Password
                  size="large"
                  autoComplete="current-password"
                  prefix={<LockOutlined aria-hidden style={{ color: "rgba(0, 0, 0, 0.45)" }} />}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
                {t("signIn.submit")}
              </Button>
            </Form>
          </Card>
        </main>
      </Flex>
    </Flex>
  );
}
