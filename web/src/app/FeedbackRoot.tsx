import { ConfigProvider, theme } from "antd";
import { lazy, type ReactNode, Suspense, useContext, useEffect, useState } from "react";
import { antdAppContext, FeedbackStore, feedbackFor } from "./feedback.js";

const FeedbackHolders = lazy(() => import("./FeedbackHolders.js").then((m) => ({ default: m.FeedbackHolders })));

export interface FeedbackRootProps {
  children: ReactNode;
}

function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 200);
  return () => window.clearTimeout(id);
}

/**
 * What antd's `App` does (the root's text style, `App.useApp()` and `useFeedback()` for toasts and dialogs) without its
 * message, notification and modal code in the first screen's JS: their holders load once the browser
 * is idle after the first paint, or at the first call if one comes before.
 */
export function FeedbackRoot({ children }: FeedbackRootProps) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const { token } = theme.useToken();
  const [store] = useState(() => new FeedbackStore());
  const [feedback] = useState(() => feedbackFor(store));
  const [holders, setHolders] = useState(false);

  useEffect(() => {
    store.onDemand = () => setHolders(true);
    return whenIdle(() => setHolders(true));
  }, [store]);

  return (
    <antdAppContext.Provider value={feedback}>
      <div
        className={getPrefixCls("app")}
        // antd's App style: the text colour, size, line height and font of everything inside.
        style={{
          color: token.colorText,
          fontSize: token.fontSize,
          lineHeight: token.lineHeight,
          fontFamily: token.fontFamily,
        }}
      >
        {holders ? (
          <Suspense fallback={null}>
            <FeedbackHolders store={store} />
          </Suspense>
        ) : null}
        {children}
      </div>
    </antdAppContext.Provider>
  );
}
