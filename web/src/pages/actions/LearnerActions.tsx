import { MailOutlined, SafetyCertificateOutlined, VideoCameraOutlined } from "@ant-design/icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Selection } from "../../../../common/api/tutoring.js";
import { useFeedback } from "../../app/feedback.js";
import { DialogLoadBoundary, lazyDialog } from "../../components/LazyDialog.js";
import { SelectionActionButton } from "./SelectionActionButton.js";

// The dialogs load when first opened: the tutoring center stays light (the class form brings the date picker).
const dialogs = {
  reminder: lazyDialog(() => import("./ReminderDialog.js").then((m) => m.ReminderDialog)),
  class: lazyDialog(() => import("./ClassDialog.js").then((m) => m.ClassDialog)),
  certificates: lazyDialog(() => import("./CertificatesDialog.js").then((m) => m.CertificatesDialog)),
};

type ActionKind = "reminder" | "class" | "certificates";

interface OpenAction {
  kind: ActionKind;
  open: boolean;
  /** The selection when the action was opened: later ticks in the table don't change what is being sent. */
  selection: Selection;
  count: number;
}

export interface LearnerActionsProps {
  courseId: string;
  /** The selection as the server takes it; null while nothing is selected. */
  selection: Selection | null;
  count: number;
}

/** `Relancer`, `Classe virtuelle`, `Attestations` (T6, A1–A3): the actions on the selected learners. */
export function LearnerActions({ courseId, selection, count }: LearnerActionsProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [action, setAction] = useState<OpenAction | null>(null);
  const disabledReason = selection && count > 0 ? null : t("actions.needSelection");

  function open(kind: ActionKind) {
    if (selection) setAction({ kind, open: true, selection, count });
  }

  function handleClose() {
    setAction((current) => (current ? { ...current, open: false } : null));
  }

  function handleAfterClose() {
    setAction((current) => (current && !current.open ? null : current));
  }

  function handleLoadFailed() {
    // The selection stays: the same button opens the dialog again, downloading it anew.
    setAction(null);
    void message.error(t("errors.dialogLoadFailed"));
  }

  const dialogProps = action
    ? {
        courseId,
        selection: action.selection,
        count: action.count,
        onClose: handleClose,
        afterClose: handleAfterClose,
      }
    : null;

  return (
    <>
      <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8 }}>
        <SelectionActionButton
          icon={<MailOutlined />}
          label={t("actions.buttons.remind")}
          disabledReason={disabledReason}
          onClick={() => open("reminder")}
        />
        <SelectionActionButton
          icon={<VideoCameraOutlined />}
          label={t("actions.buttons.virtualClass")}
          disabledReason={disabledReason}
          onClick={() => open("class")}
        />
        <SelectionActionButton
          icon={<SafetyCertificateOutlined />}
          label={t("actions.buttons.certificates")}
          disabledReason={disabledReason}
          onClick={() => open("certificates")}
        />
      </span>
      {action && dialogProps ? (
        <DialogLoadBoundary onLoadFailed={handleLoadFailed}>
          {action.kind === "reminder" ? (
            <dialogs.reminder.Component open={action.open} {...dialogProps} />
          ) : action.kind === "class" ? (
            <dialogs.class.Component open={action.open} {...dialogProps} />
          ) : (
            <dialogs.certificates.Component open={action.open} {...dialogProps} />
          )}
        </DialogLoadBoundary>
      ) : null}
    </>
  );
}
