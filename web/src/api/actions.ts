import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { CertificateJob } from "../../../common/api/certificates.js";
import type {
  ClassDetail,
  ClassFields,
  classesQuerySchema,
  classesSchema,
  VirtualClass,
} from "../../../common/api/classes.js";
import type {
  MailTemplate,
  MailTemplateInput,
  messagesPageSchema,
  messagesQuerySchema,
  outboxMessageSchema,
  ReminderBatch,
  ReminderPreview,
  ReminderRule,
  ReminderRuleInput,
  reminderRulesSchema,
  ruleRunSchema,
} from "../../../common/api/reminders.js";
import type { Selection } from "../../../common/api/tutoring.js";
import { apiRequest } from "./client.js";
import { centerKey } from "./tutoring.js";

export type MailTemplates = { items: MailTemplate[]; variables: string[] };
export type ClassesWhen = z.infer<typeof classesQuerySchema>["when"];
export type VirtualClasses = z.infer<typeof classesSchema>;
export type ReminderRules = z.infer<typeof reminderRulesSchema>;
export type RuleRun = z.infer<typeof ruleRunSchema>;
export type MessagesPage = z.infer<typeof messagesPageSchema>;
export type MessagesQuery = Partial<z.infer<typeof messagesQuerySchema>>;
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export type CertificateKind = CertificateJob["kind"];
export type AttendanceEntry = { learnerId: string; present: boolean; minutes: number };

const id = encodeURIComponent;
const coursePath = (courseId: string) => `/api/tutoring/courses/${id(courseId)}`;
const templatesKey = ["mail-templates"] as const;
const classesKey = (courseId: string) => ["tutoring", "classes", courseId] as const;
const rulesKey = (courseId: string) => ["tutoring", "reminder-rules", courseId] as const;
const messagesKey = ["admin", "messages"] as const;
// The learner report shows reminders and lesson times: what these actions change.
const reportKey = ["tutoring", "report"] as const;
// Revoking or regenerating a certificate is audited on the learner's `Modifications` and the admin audit.
const auditKeys = [
  ["tutoring", "learner-audit"],
  ["admin", "audit"],
] as const;

/**
 * A key that makes a send idempotent (the same key twice sends each recipient one message). randomUUID only
 * exists on secure origins; getRandomValues works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// ---- Mail templates (A1) ----

/** The templates the user may use (shared and their own) and the variables a template may contain. */
export function useMailTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: ({ signal }) => apiRequest<MailTemplates>("GET", "/api/mail-templates", { signal }),
  });
}

/** Creates a template; a 400 `unknown_variable` names the field holding the unknown `{{variable}}`. */
export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MailTemplateInput) => apiRequest<MailTemplate>("POST", "/api/mail-templates", { body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

/** Saves a template the user may edit. */
export function useUpdateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ templateId, input }: { templateId: string; input: MailTemplateInput }) =>
      apiRequest<MailTemplate>("PUT", `/api/mail-templates/${id(templateId)}`, { body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

/** Deletes a template; a 409 `template_in_use` means an automatic reminder rule still uses it. */
export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (templateId: string) => apiRequest<void>("DELETE", `/api/mail-templates/${id(templateId)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

// ---- Relancer (A1) ----

/** The reminder as the `index`-th recipient of the selection will read it, and how many will receive it. */
export function useReminderPreview(courseId: string, templateId: string | null, selection: Selection, index: number) {
  return useQuery({
    queryKey: [...centerKey(courseId), "reminder-preview", templateId, selection, index],
    queryFn: ({ signal }) =>
      apiRequest<ReminderPreview>("POST", `${coursePath(courseId)}/reminders/preview`, {
        body: { templateId, selection, index },
        signal,
      }),
    enabled: templateId !== null,
    placeholderData: keepPreviousData,
  });
}

/** Queues one reminder per learner of the selection; returns at once with the batch to follow. */
export function useSendReminder(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { templateId: string; selection: Selection; idempotencyKey: string }) =>
      apiRequest<ReminderBatch>("POST", `${coursePath(courseId)}/reminders`, { body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reportKey });
      void queryClient.invalidateQueries({ queryKey: messagesKey });
    },
  });
}

/** Delivery progress of a reminder batch, polled while messages are on their way. */
export function useReminderBatch(courseId: string, batch: ReminderBatch | null) {
  return useQuery({
    queryKey: ["tutoring", "reminder-batch", courseId, batch?.batchId],
    queryFn: ({ signal }) =>
      apiRequest<ReminderBatch>("GET", `${coursePath(courseId)}/reminders/batches/${id(batch?.batchId ?? "")}`, {
        signal,
      }),
    enabled: batch !== null,
    initialData: batch ?? undefined,
    // Without an SMTP server nothing moves until one is configured: no point in asking again.
    refetchInterval: (query) => {
      const data = query.state.data;
      return data?.smtpConfigured && data.queued > 0 ? 1500 : false;
    },
  });
}

// ---- Classe virtuelle (A2) ----

/** A course's virtual classes, upcoming or past. */
export function useVirtualClasses(courseId: string, when: ClassesWhen) {
  return useQuery({
    queryKey: [...classesKey(courseId), "list", when],
    queryFn: ({ signal }) =>
      apiRequest<VirtualClasses>("GET", `${coursePath(courseId)}/classes`, { query: { when }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A virtual class with its invitees and their attendance; null id = nothing to load. */
export function useVirtualClass(courseId: string, classId: string | null) {
  return useQuery({
    queryKey: [...classesKey(courseId), "detail", classId],
    queryFn: ({ signal }) =>
      apiRequest<ClassDetail>("GET", `${coursePath(courseId)}/classes/${id(classId ?? "")}`, { signal }),
    enabled: classId !== null,
  });
}

/** Schedules a class and invites the selection (each learner gets an .ics invitation). */
export function useCreateClass(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClassFields & { selection: Selection }) =>
      apiRequest<VirtualClass>("POST", `${coursePath(courseId)}/classes`, { body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: classesKey(courseId) });
      void queryClient.invalidateQueries({ queryKey: messagesKey });
    },
  });
}

/** Reschedules a class; invitees get an update of the same invitation. */
export function useRescheduleClass(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ classId, input }: { classId: string; input: ClassFields }) =>
      apiRequest<VirtualClass>("PUT", `${coursePath(courseId)}/classes/${id(classId)}`, { body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: classesKey(courseId) });
      void queryClient.invalidateQueries({ queryKey: messagesKey });
    },
  });
}

/** Cancels a class; invitees get a cancellation. */
export function useCancelClass(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (classId: string) =>
      apiRequest<VirtualClass>("POST", `${coursePath(courseId)}/classes/${id(classId)}/cancel`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: classesKey(courseId) });
      void queryClient.invalidateQueries({ queryKey: messagesKey });
    },
  });
}

/** Records attendance; present learners get the minutes on the course's webinar lesson. */
export function useRecordAttendance(courseId: string, classId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entries: AttendanceEntry[]) =>
      apiRequest<ClassDetail>("PUT", `${coursePath(courseId)}/classes/${id(classId)}/attendance`, {
        body: { entries },
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData([...classesKey(courseId), "detail", classId], detail);
      void queryClient.invalidateQueries({ queryKey: classesKey(courseId) });
      void queryClient.invalidateQueries({ queryKey: centerKey(courseId) });
      void queryClient.invalidateQueries({ queryKey: reportKey });
    },
  });
}

// ---- Attestations (A3) ----

/** Starts generating certificates for the selection, as a background job. */
export function useStartCertificates(courseId: string) {
  return useMutation({
    mutationFn: (input: { selection: Selection; kind: CertificateKind; lang: "fr" | "en" }) =>
      apiRequest<CertificateJob>("POST", `${coursePath(courseId)}/certificates`, { body: input }),
  });
}

/** A certificate job's progress, polled until it is done; the tutoring center then shows the new certificates. */
export function useCertificateJob(courseId: string, job: CertificateJob | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ["tutoring", "certificate-job", courseId, job?.jobId],
    queryFn: async ({ signal }) => {
      const next = await apiRequest<CertificateJob>(
        "GET",
        `${coursePath(courseId)}/certificate-jobs/${id(job?.jobId ?? "")}`,
        { signal },
      );
      if (next.status === "done") void queryClient.invalidateQueries({ queryKey: centerKey(courseId) });
      return next;
    },
    enabled: job !== null,
    refetchInterval: (query) => (query.state.data?.status === "done" ? false : 1000),
  });
}

/** Where a finished job's zip downloads from. */
export function certificateZipUrl(courseId: string, jobId: string): string {
  return `${coursePath(courseId)}/certificate-jobs/${id(jobId)}/zip`;
}

/** Revokes the learner's certificate and issues a new one of the kind. */
export function useRegenerateCertificate(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ learnerId, kind, lang }: { learnerId: string; kind: CertificateKind; lang: "fr" | "en" }) =>
      apiRequest<void>("POST", `${coursePath(courseId)}/learners/${id(learnerId)}/certificates`, {
        body: { kind, lang },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: centerKey(courseId) });
      for (const queryKey of auditKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

/** Revokes a certificate (audited); its verification page then says so. */
export function useRevokeCertificate(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ learnerId, certificateId, reason }: { learnerId: string; certificateId: string; reason: string }) =>
      apiRequest<void>(
        "POST",
        `${coursePath(courseId)}/learners/${id(learnerId)}/certificates/${id(certificateId)}/revoke`,
        { body: { reason } },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: centerKey(courseId) });
      for (const queryKey of auditKeys) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

// ---- Relances automatiques (B2) ----

/** A course's automatic reminder rules with what each has sent. */
export function useReminderRules(courseId: string) {
  return useQuery({
    queryKey: rulesKey(courseId),
    queryFn: ({ signal }) => apiRequest<ReminderRules>("GET", `${coursePath(courseId)}/reminder-rules`, { signal }),
  });
}

/** Creates a rule, or saves one (pausing is a save with `paused`). */
export function useSaveRule(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ruleId, input }: { ruleId: string | null; input: ReminderRuleInput }) =>
      ruleId
        ? apiRequest<ReminderRule>("PUT", `${coursePath(courseId)}/reminder-rules/${id(ruleId)}`, { body: input })
        : apiRequest<ReminderRule>("POST", `${coursePath(courseId)}/reminder-rules`, { body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rulesKey(courseId) }),
  });
}

/** Deletes a rule. */
export function useDeleteRule(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) => apiRequest<void>("DELETE", `${coursePath(courseId)}/reminder-rules/${id(ruleId)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rulesKey(courseId) }),
  });
}

/** Evaluates the course's active rules now (they also run daily). */
export function useRunRules(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<RuleRun>("POST", `${coursePath(courseId)}/reminder-rules/run`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: rulesKey(courseId) });
      void queryClient.invalidateQueries({ queryKey: reportKey });
      void queryClient.invalidateQueries({ queryKey: messagesKey });
    },
  });
}

// ---- Messages (admins) ----

/** Outgoing messages with their delivery state and content, paged and filtered by the server. */
export function useAdminMessages(query: MessagesQuery) {
  return useQuery({
    queryKey: [...messagesKey, query],
    queryFn: ({ signal }) => apiRequest<MessagesPage>("GET", "/api/admin/messages", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Tries a failed message again. */
export function useRetryMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => apiRequest<void>("POST", `/api/admin/messages/${messageId}/retry`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: messagesKey }),
  });
}
