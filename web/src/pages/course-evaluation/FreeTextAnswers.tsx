import { Card, Empty } from "antd";
import { useTranslation } from "react-i18next";
import type { Evaluation } from "../../../../common/api/courses.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { TablePager } from "../../components/TablePager.js";

export const textPageSizes = [10, 25, 50] as const;

export interface FreeTextAnswersProps {
  /** Id of the section, for links from the text questions. */
  id: string;
  texts: Evaluation["texts"];
  dimmed: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** The evaluation's free-text answers, paged by the server, shown as text. */
export function FreeTextAnswers({ id, texts, dimmed, onPageChange }: FreeTextAnswersProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section id={id} aria-labelledby={`${id}-title`} tabIndex={-1} style={{ outline: "none" }}>
      <Card
        title={
          <h2 id={`${id}-title`} style={{ margin: 0, fontSize: 14, fontWeight: 600, letterSpacing: 0.6 }}>
            {t("courseEvaluation.textsTitle")}
          </h2>
        }
        styles={{ body: { padding: 0 } }}
      >
        {texts.total === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t("courseEvaluation.noTexts")}
            style={{ padding: 24 }}
          />
        ) : (
          <>
            <ul
              style={{
                listStyle: "none",
                margin: 0,
                padding: 0,
                opacity: dimmed ? 0.6 : 1,
                transition: "opacity 0.2s",
              }}
            >
              {texts.items.map((item, index) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers have no id; the page is replaced whole
                  key={`${texts.page}-${index}`}
                  style={{ padding: "12px 16px", borderBottom: "1px solid #f0f0f0" }}
                >
                  <div
                    style={{
                      display: "flex",
                      flexWrap: "wrap",
                      justifyContent: "space-between",
                      gap: "2px 12px",
                      fontSize: 13,
                      color: "rgba(0, 0, 0, 0.65)",
                    }}
                  >
                    <span>{item.questionLabel}</span>
                    <span style={{ fontVariantNumeric: "tabular-nums" }}>
                      {formatDateTime(item.submittedAt, user.timeZone)}
                    </span>
                  </div>
                  <p style={{ margin: "4px 0 0", whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{item.text}</p>
                </li>
              ))}
            </ul>
            <div style={{ padding: "12px 16px" }}>
              <TablePager
                page={texts.page}
                pageSize={texts.pageSize}
                total={texts.total}
                pageSizeOptions={textPageSizes}
                onChange={onPageChange}
              />
            </div>
          </>
        )}
      </Card>
    </section>
  );
}
