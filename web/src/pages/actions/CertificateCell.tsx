import { MoreOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Button, Dropdown, type MenuProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TutoredLearner } from "../../../../common/api/tutoring.js";
import { useRegenerateCertificate } from "../../api/actions.js";
import { useFeedback } from "../../app/feedback.js";
import { currentLocale } from "../../app/i18n.js";
import { DialogLoadBoundary, lazyDialog } from "../../components/LazyDialog.js";
import { certificatePath } from "../tutoring-center/centerPaths.js";
import { learnerName } from "../tutoring-center/learnerName.js";
import { AccessibleForm } from "./AccessibleForm.js";

export interface CertificateCellProps {
  courseId: string;
  learner: TutoredLearner;
}

// Its form and dialog load when a revocation is asked for, not with every row of the center's table.
const revokeModal = lazyDialog(() => import("./RevokeCertificateModal.js").then((m) => m.RevokeCertificateModal));

/** The `Certificat` column: download the learner's certificate (PDF); regenerate or revoke it from its menu. */
export function CertificateCell({ courseId, learner }: CertificateCellProps) {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const [revoking, setRevoking] = useState(false);
  const regenerate = useRegenerateCertificate(courseId);
  const certificate = learner.certificate;
  if (!certificate) return null;
  const name = learnerName(learner);
  const kindName = t(`actions.certificates.kind.${certificate.kind}`);

  function handleRegenerate() {
    if (!certificate) return;
    void modal.confirm({
      title: t("actions.certificate.regenerateTitle", { name }),
      content: t("actions.certificate.regenerateText", { kind: kindName }),
      okText: t("actions.certificate.regenerate"),
      cancelText: t("actions.cancel"),
      onOk: () =>
        regenerate
          .mutateAsync({ learnerId: learner.userId, kind: certificate.kind, lang: currentLocale() })
          .then(() => void message.success(t("actions.certificate.regenerated", { name })))
          .catch(() => void message.error(t("actions.certificate.regenerateError"))),
    });
  }

  const items: MenuProps["items"] = [
    { key: "regenerate", label: t("actions.certificate.regenerate") },
    { key: "revoke", danger: true, label: t("actions.certificate.revoke") },
  ];

  const handleMenuClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "regenerate") handleRegenerate();
    else setRevoking(true);
  };

  // The tutoring center's own wording, which its tests and users already know.
  const downloadLabel = t("center.table.certificateLink", { name });

  function handleRevokeLoadFailed() {
    setRevoking(false);
    void message.error(t("errors.dialogLoadFailed"));
  }

  return (
    <AccessibleForm>
      <span style={{ display: "inline-flex", alignItems: "center", gap: 2 }}>
        <a
          href={certificatePath(courseId, learner.userId, certificate.id)}
          download
          aria-label={downloadLabel}
          title={`${downloadLabel} (${kindName})`}
          className="icon-link"
        >
          <SafetyCertificateOutlined aria-hidden="true" />
        </a>
        <Dropdown menu={{ items, onClick: handleMenuClick }} trigger={["click"]}>
          <Button
            type="text"
            size="small"
            icon={<MoreOutlined />}
            aria-label={t("actions.certificate.menu", { name })}
            loading={regenerate.isPending}
          />
        </Dropdown>
        {revoking ? (
          <DialogLoadBoundary onLoadFailed={handleRevokeLoadFailed}>
            <revokeModal.Component
              courseId={courseId}
              learnerId={learner.userId}
              certificateId={certificate.id}
              name={name}
              kind={kindName}
              onClose={() => setRevoking(false)}
            />
          </DialogLoadBoundary>
        ) : null}
      </span>
    </AccessibleForm>
  );
}
