import type { Selection } from "../../../../common/api/tutoring.js";

/** What each action dialog of the tutoring center gets: the selection frozen when it was opened. */
export interface ActionDialogProps {
  open: boolean;
  courseId: string;
  selection: Selection;
  /** How many learners the table said were selected (the server's own count is shown once known). */
  count: number;
  onClose: () => void;
  /** The closing animation ended: the dialog can be unmounted (a new opening starts afresh). */
  afterClose: () => void;
}
