import { DeleteOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Card, Popconfirm } from "antd";
import { type ChangeEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type AdminCourse, THUMBNAIL_MAX_BYTES } from "../../../../common/api/catalogue-admin.js";
import { useRemoveThumbnail, useUploadThumbnail } from "../../api/catalogueAdmin.js";
import { useFeedback } from "../../app/feedback.js";
import { CourseThumbnail } from "../../components/CourseThumbnail.js";
import { errorMessage } from "../admin-courses/formErrors.js";

export interface ThumbnailCardProps {
  course: AdminCourse;
}

/** The course's thumbnail: PNG, JPEG or WebP up to 2 MB (the server checks the content, not the name). */
export function ThumbnailCard({ course }: ThumbnailCardProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const input = useRef<HTMLInputElement>(null);
  const upload = useUploadThumbnail(course.id);
  const remove = useRemoveThumbnail(course.id);

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > THUMBNAIL_MAX_BYTES) {
      void message.error(t("catalogueAdmin.errors.maxSize"));
      return;
    }
    try {
      await upload.mutateAsync(file);
      void message.success(t("catalogueAdmin.editor.thumbnailSaved"));
    } catch (error) {
      void message.error(errorMessage(error, t), 8);
    }
  }

  function handleRemove() {
    return remove
      .mutateAsync()
      .then(() => void message.success(t("catalogueAdmin.editor.thumbnailRemoved")))
      .catch((error: unknown) => void message.error(errorMessage(error, t)));
  }

  return (
    <Card title={<h2 className="admin-card-title">{t("catalogueAdmin.editor.thumbnail")}</h2>}>
      <div className="admin-thumbnail">
        <CourseThumbnail courseId={course.id} name={course.name} url={course.thumbnailUrl} />
      </div>
      <p className="admin-muted" style={{ margin: "12px 0" }}>
        {t("catalogueAdmin.editor.thumbnailHelp")}
      </p>
      {/* The button opens this input; it stays out of the tab order (the button is the control). */}
      <input
        ref={input}
        type="file"
        tabIndex={-1}
        className="admin-file-input"
        accept="image/png,image/jpeg,image/webp"
        aria-label={t("catalogueAdmin.editor.thumbnailFile")}
        onChange={(event) => void handleFile(event)}
      />
      <span style={{ display: "inline-flex", flexWrap: "wrap", gap: 8 }}>
        <Button icon={<UploadOutlined />} loading={upload.isPending} onClick={() => input.current?.click()}>
          {course.thumbnailUrl
            ? t("catalogueAdmin.editor.replaceThumbnail")
            : t("catalogueAdmin.editor.uploadThumbnail")}
        </Button>
        {course.thumbnailUrl ? (
          <Popconfirm
            title={t("catalogueAdmin.editor.removeThumbnailTitle")}
            okText={t("catalogueAdmin.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("catalogueAdmin.cancel")}
            onConfirm={handleRemove}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t("catalogueAdmin.editor.removeThumbnail")}
            </Button>
          </Popconfirm>
        ) : null}
      </span>
    </Card>
  );
}
