import { Alert, Button, Modal, Radio, type RadioChangeEvent } from "antd";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CertificateJob } from "../../../../common/api/certificates.js";
import { type CertificateKind, useStartCertificates } from "../../api/actions.js";
import { currentLocale } from "../../app/i18n.js";
import "./actions.css";
import type { ActionDialogProps } from "./actionDialog.js";
import { CertificateJobProgress } from "./CertificateJobProgress.js";

export type CertificatesDialogProps = ActionDialogProps;

const kinds: CertificateKind[] = ["attendance", "completion"];

/** `Attestations` (A3): generate a certificate PDF per selected learner as a job, then download them as a zip. */
export function CertificatesDialog({ open, courseId, selection, count, onClose, afterClose }: CertificatesDialogProps) {
  const { t } = useTranslation();
  const kindLabelId = useId();
  const [kind, setKind] = useState<CertificateKind>("attendance");
  const [job, setJob] = useState<CertificateJob | null>(null);
  const start = useStartCertificates(courseId);

  function handleKindChange(event: RadioChangeEvent) {
    setKind(event.target.value as CertificateKind);
  }

  function handleStart() {
    start.mutate({ selection, kind, lang: currentLocale() }, { onSuccess: setJob });
  }

  const footer = job
    ? [
        <Button key="close" onClick={onClose}>
          {t("actions.close")}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t("actions.cancel")}
        </Button>,
        <Button key="start" type="primary" loading={start.isPending} onClick={handleStart}>
          {t("actions.certificates.generate", { count })}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={t("actions.certificates.title")}
      onCancel={onClose}
      afterClose={afterClose}
      width={640}
      mask={{ closable: false }}
      footer={footer}
    >
      {job ? (
        <CertificateJobProgress courseId={courseId} job={job} />
      ) : (
        <>
          <p id={kindLabelId} style={{ margin: "0 0 12px", color: "rgba(0, 0, 0, 0.65)" }}>
            {t("actions.certificates.intro", { count })}
          </p>
          <Radio.Group
            aria-labelledby={kindLabelId}
            value={kind}
            onChange={handleKindChange}
            className="certificate-kinds"
          >
            {kinds.map((value) => (
              <Radio key={value} value={value} className="certificate-kind">
                <span className="certificate-kind-name">{t(`actions.certificates.kind.${value}`)}</span>
                <span className="certificate-kind-text">{t(`actions.certificates.kindText.${value}`)}</span>
              </Radio>
            ))}
          </Radio.Group>
          {start.error ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t("actions.certificates.startError")}
              style={{ marginTop: 16 }}
            />
          ) : null}
        </>
      )}
    </Modal>
  );
}
