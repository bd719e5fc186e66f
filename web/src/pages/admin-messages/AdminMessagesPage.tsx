import { RedoOutlined } from "@ant-design/icons";
import { Alert, Button, Empty, Input, Select, Table, type TableColumnsType } from "antd";
import { useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../../common/format.js";
import { type OutboxMessage, useAdminMessages, useRetryMessage } from "../../api/actions.js";
import { useCurrentUser } from "../../api/auth.js";
import { PageHeader } from "../../components/PageHeader.js";
import { pagerSummary } from "../../components/pagerSummary.js";
import { QueryErrorResult } from "../../components/QueryErrorResult.js";
import { TableCard } from "../../components/TableCard.js";
import { TablePager } from "../../components/TablePager.js";
import { VisuallyHidden } from "../../components/VisuallyHidden.js";
import { AccessibleForm } from "../actions/AccessibleForm.js";
import { MessageContent } from "./MessageContent.js";
import { MessageStatusTag } from "./MessageStatusTag.js";
import { type MessageStatus, messageStatuses, messagesViewToQuery, useMessagesView } from "./messagesView.js";
import "../actions/actions.css";
import { useFeedback } from "../../app/feedback.js";

const allStatuses = "all";

/** `Administration > Messages`: every outgoing message with its state and content; a failed one can be retried. */
export function AdminMessagesPage() {
  const { t } = useTranslation();
  const { message: toast } = useFeedback();
  const user = useCurrentUser();
  const statusLabelId = useId();
  const [view, updateView] = useMessagesView();
  const messages = useAdminMessages(messagesViewToQuery(view));
  const retry = useRetryMessage();
  const items = messages.data?.items ?? [];
  const total = messages.data?.total ?? 0;

  useEffect(() => {
    // A bookmarked page may no longer exist: show the last one instead.
    if (messages.isPlaceholderData || items.length > 0 || total === 0) return;
    const { pages } = pagerSummary(view.page, view.pageSize, total);
    if (view.page > pages) updateView({ page: pages });
  }, [messages.isPlaceholderData, items.length, total, view.page, view.pageSize, updateView]);

  function handleRetry(item: OutboxMessage) {
    retry.mutate(item.id, {
      onSuccess: () => void toast.success(t("messages.retried", { email: item.toEmail })),
      onError: () => void toast.error(t("messages.retryError")),
    });
  }

  const columns: TableColumnsType<OutboxMessage> = [
    {
      key: "createdAt",
      title: t("messages.table.createdAt"),
      width: 140,
      render: (_value, item) => <span className="action-num">{formatDateTime(item.createdAt, user.timeZone)}</span>,
    },
    {
      key: "to",
      title: t("messages.table.to"),
      width: 240,
      render: (_value, item) => (
        <>
          <div>{item.toName}</div>
          <div className="action-muted" style={{ overflowWrap: "anywhere" }}>
            {item.toEmail}
          </div>
        </>
      ),
    },
    {
      key: "subject",
      title: t("messages.table.subject"),
      render: (_value, item) => <span style={{ overflowWrap: "anywhere" }}>{item.subject}</span>,
    },
    {
      key: "status",
      title: t("messages.table.status"),
      width: 210,
      render: (_value, item) => (
        <>
          <MessageStatusTag status={item.status} />
          <div className="action-muted" style={{ marginTop: 4, fontSize: 13, fontVariantNumeric: "tabular-nums" }}>
            {item.sentAt
              ? t("messages.sentAt", { date: formatDateTime(item.sentAt, user.timeZone) })
              : item.status === "failed"
                ? t("messages.gaveUp")
                : messages.data?.smtpConfigured
                  ? t("messages.nextTry", { date: formatDateTime(item.nextTryAt, user.timeZone) })
                  : t("messages.notSent")}
          </div>
        </>
      ),
    },
    {
      key: "tries",
      title: t("messages.table.tries"),
      width: 76,
      align: "right",
      render: (_value, item) => <span className="action-num">{item.tries}</span>,
    },
    {
      key: "actions",
      title: <VisuallyHidden>{t("messages.table.actions")}</VisuallyHidden>,
      width: 120,
      align: "right",
      render: (_value, item) =>
        item.status === "failed" ? (
          <Button
            size="small"
            icon={<RedoOutlined />}
            loading={retry.isPending && retry.variables === item.id}
            onClick={() => handleRetry(item)}
            aria-label={t("messages.retryLabel", { email: item.toEmail })}
          >
            {t("messages.retry")}
          </Button>
        ) : null,
    },
  ];

  const title = t("messages.title");
  return (
    <AccessibleForm>
      <PageHeader title={title} breadcrumb={[t("nav.administration"), title]} />
      {messages.data && !messages.data.smtpConfigured ? (
        <Alert
          type="warning"
          showIcon
          title={t("messages.noSmtp")}
          description={t("messages.noSmtpText")}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <TableCard
        title={t("messages.tableTitle")}
        tools={
          <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
            <span id={statusLabelId} className="action-muted">
              {t("messages.statusFilter")}
            </span>
            <Select<MessageStatus | typeof allStatuses>
              aria-labelledby={statusLabelId}
              value={view.status ?? allStatuses}
              onChange={(value) => updateView({ status: value === allStatuses ? null : value })}
              style={{ width: 180 }}
              options={[
                { value: allStatuses, label: t("messages.allStatuses") },
                ...messageStatuses.map((status) => ({ value: status, label: t(`messages.status.${status}`) })),
              ]}
            />
            <Input.Search
              key={view.q}
              defaultValue={view.q}
              allowClear
              maxLength={320}
              placeholder={t("messages.searchPlaceholder")}
              aria-label={t("messages.searchLabel")}
              onSearch={(value) => updateView({ q: value.trim() })}
              style={{ width: 280 }}
            />
          </span>
        }
      >
        {messages.isError && !messages.data ? (
          <QueryErrorResult
            title={t("messages.loadError")}
            retrying={messages.isFetching}
            onRetry={() => void messages.refetch()}
          />
        ) : (
          <>
            <Table<OutboxMessage>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={items}
              pagination={false}
              loading={{ spinning: messages.isFetching, delay: 200 }}
              scroll={{ x: 960 }}
              expandable={{
                expandedRowRender: (item) => <MessageContent message={item} />,
                expandRowByClick: false,
              }}
              locale={{
                emptyText: messages.isPending ? (
                  <div style={{ height: 96 }} />
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={view.status || view.q ? t("messages.noMatch") : t("messages.empty")}
                  />
                ),
              }}
            />
            <div style={{ padding: "12px 16px", borderTop: "1px solid #f0f0f0" }}>
              <TablePager
                page={view.page}
                pageSize={view.pageSize}
                total={total}
                onChange={(page, pageSize) => updateView({ page, pageSize })}
              />
            </div>
          </>
        )}
      </TableCard>
    </AccessibleForm>
  );
}
