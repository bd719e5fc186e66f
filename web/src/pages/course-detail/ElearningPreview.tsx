import { Alert, Skeleton } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.js";
import { usePreviewLesson } from "../player/playerApi.js";
import { ScormPlayer } from "../player/ScormPlayer.js";

export interface ElearningPreviewProps {
  lessonId: string;
  title: string;
}

/** `Lancer le contenu` of an e-learning lesson: the learner's player, with commits kept in the browser. */
export function ElearningPreview({ lessonId, title }: ElearningPreviewProps) {
  const { t } = useTranslation();
  const preview = usePreviewLesson();
  const requested = useRef(false);
  const { mutate } = preview;

  useEffect(() => {
    if (requested.current) return;
    requested.current = true;
    mutate(lessonId);
  }, [mutate, lessonId]);

  if (preview.isError) {
    const noContent = preview.error instanceof ApiError && preview.error.code === "no_content";
    return (
      <Alert
        type={noContent ? "info" : "error"}
        showIcon
        title={noContent ? t("player.preview.noContent") : t("player.preview.error")}
      />
    );
  }
  if (!preview.data) return <Skeleton active paragraph={{ rows: 6 }} aria-label={t("player.preview.loading")} />;
  const version = preview.data.version === "1.2" ? "SCORM 1.2" : "SCORM 2004";
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <div style={{ fontSize: 13, color: "rgba(0, 0, 0, 0.65)" }}>{t("player.preview.info", { version })}</div>
      <ScormPlayer
        version={preview.data.version}
        contentUrl={preview.data.contentUrl}
        cmi={preview.data.cmi}
        target={null}
        title={t("player.frameTitle", { title })}
        height={520}
      />
    </div>
  );
}
