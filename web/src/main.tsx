import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.js";
import { currentLocale, loadLocale, setupI18n } from "./app/i18n.js";
// Ant Design's rules, prebuilt (zero-runtime mode, app/theme.ts); the app's own styles come after them.
import "antd/dist/antd.css";
import "./app/global.css";

setupI18n();

const container = document.getElementById("root");
if (!container) throw new Error("index.html lacks #root");
// English texts are a chunk of their own: a device that chose English loads them before the first render.
void loadLocale(currentLocale()).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
