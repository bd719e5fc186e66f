import { Modal, message, notification } from "antd";
import { useEffect, useMemo } from "react";
import type { FeedbackStore } from "./feedback.js";

export interface FeedbackHoldersProps {
  store: FeedbackStore;
}

/** antd's message, notification and modal holders (as antd's App renders them), handed to the store once mounted. */
export function FeedbackHolders({ store }: FeedbackHoldersProps) {
  const [messageApi, messageHolder] = message.useMessage();
  const [notificationApi, notificationHolder] = notification.useNotification();
  const [modalApi, modalHolder] = Modal.useModal();
  const api = useMemo(
    () => ({ message: messageApi, notification: notificationApi, modal: modalApi }),
    [messageApi, notificationApi, modalApi],
  );
  useEffect(() => {
    store.set(api);
    return () => store.set(null);
  }, [store, api]);
  return (
    <>
      {modalHolder}
      {messageHolder}
      {notificationHolder}
    </>
  );
}
