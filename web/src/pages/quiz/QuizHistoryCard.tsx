import { Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { QuizOverview } from "../../../../common/api/quiz.js";
import { formatDateTime } from "../../../../common/format.js";
import { useCurrentUser } from "../../api/auth.js";
import { LessonStatusTag } from "../../components/LessonStatusTag.js";
import { formatScore } from "../tutoring-center/formatScore.js";

type HistoryRow = QuizOverview["history"][number];

export interface QuizHistoryCardProps {
  history: HistoryRow[];
}

/** The learner's finished attempts, newest first. */
export function QuizHistoryCard({ history }: QuizHistoryCardProps) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  return (
    <Card title={<h2 className="quiz-card-heading">{t("quiz.historyTitle")}</h2>}>
      {history.length === 0 ? (
        <p className="quiz-muted" style={{ margin: 0 }}>
          {t("quiz.historyEmpty")}
        </p>
      ) : (
        <Table<HistoryRow>
          rowKey="number"
          size="small"
          pagination={false}
          dataSource={history}
          aria-label={t("quiz.historyTitle")}
          columns={[
            { key: "number", title: t("quiz.historyNumber"), dataIndex: "number", width: 56 },
            {
              key: "date",
              title: t("quiz.historyDate"),
              render: (_value, row) => formatDateTime(row.submittedAt, user.timeZone),
            },
            {
              key: "score",
              title: t("quiz.historyScore"),
              render: (_value, row) => (
                <span style={{ whiteSpace: "nowrap" }}>
                  {row.score === null ? t("quiz.none") : formatScore(row.score, i18n.language)}
                </span>
              ),
            },
            {
              key: "outcome",
              title: t("quiz.historyOutcome"),
              render: (_value, row) => <LessonStatusTag status={row.outcome} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
