import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../../common/api/statistics.js";
import { actionKey, describeChanges, undoneEntryId } from "./auditChanges.js";

function entry(partial: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1,
    at: "2024-01-08T08:00:00.000Z",
    actor: { id: "00000000-0000-4000-8000-000000000001", firstName: "Julien", lastName: "Roche" },
    action: "lesson_stats.edit",
    course: null,
    learner: null,
    lesson: null,
    before: null,
    after: null,
    reason: null,
    undoable: false,
    ...partial,
  };
}

const shown = {
  status: "completed",
  statusAt: "2024-01-07T19:00:30.000Z",
  score: 75,
  timeSpentSeconds: 80,
  attemptsCount: 1,
  location: "",
  suspendData: "",
};

describe("audit entries, readable", () => {
  it("lists only the fields a statistics edit changed", () => {
    const edit = entry({
      before: { ...shown, overrides: { overrideScore: 75 } },
      after: { ...shown, score: 80, overrides: { overrideScore: 80 }, version: 6 },
    });
    expect(describeChanges(edit)).toEqual([
      { field: "score", before: { kind: "percent", value: 75 }, after: { kind: "percent", value: 80 } },
    ]);
  });

  it("reads the demo's short entries", () => {
    expect(describeChanges(entry({ before: { score: null }, after: { score: 100 } }))).toEqual([
      { field: "score", before: { kind: "percent", value: null }, after: { kind: "percent", value: 100 } },
    ]);
  });

  it("says what an undo restored, from the edit it undid", () => {
    const edit = entry({
      id: 7,
      before: { ...shown, status: "failed", overrides: { overrideStatus: null } },
      after: { ...shown, status: "passed", overrides: { overrideStatus: "passed" }, version: 9 },
    });
    const undo = entry({
      id: 8,
      action: "lesson_stats.undo",
      before: edit.after,
      after: { overrides: { overrideStatus: null }, undoOf: 7, version: 10 },
    });
    expect(undoneEntryId(undo)).toBe(7);
    expect(describeChanges(undo, [undo, edit])).toEqual([
      { field: "status", before: { kind: "status", value: "passed" }, after: { kind: "status", value: "failed" } },
    ]);
    // Without the edit at hand: the value goes back to following the learner's activity.
    expect(describeChanges(undo, [undo])).toEqual([
      { field: "status", before: { kind: "status", value: "passed" }, after: { kind: "computed" } },
    ]);
  });

  it("describes a deleted attempt", () => {
    const deletion = entry({
      action: "attempt.delete",
      before: {
        attempt: {
          number: 7,
          startedAt: "2024-01-07T18:56:40.000Z",
          endedAt: "2024-01-07T18:58:08.000Z",
          status: "completed",
          score: null,
          timeSpentSeconds: 88,
        },
        sessions: [{ startedAt: "2024-01-07T18:56:40.000Z", durationSeconds: 88 }],
      },
      after: { version: 5 },
    });
    expect(describeChanges(deletion)).toEqual([
      { field: "attempt", before: { kind: "number", value: 7 }, after: { kind: "deleted" } },
      { field: "attemptDate", before: { kind: "date", value: "2024-01-07T18:58:08.000Z" } },
      { field: "status", before: { kind: "status", value: "completed" } },
      { field: "timeSpentSeconds", before: { kind: "duration", value: 88 } },
      { field: "sessions", before: { kind: "number", value: 1 } },
    ]);
  });

  it("describes a mission correction and an observation", () => {
    expect(
      describeChanges(
        entry({
          action: "mission.correct",
          before: { status: "in_progress", score: null },
          after: { verdict: "passed", score: 80, feedback: "Très bien" },
        }),
      ),
    ).toEqual([
      { field: "status", before: { kind: "status", value: "in_progress" }, after: { kind: "status", value: "passed" } },
      { field: "score", before: { kind: "percent", value: null }, after: { kind: "percent", value: 80 } },
      { field: "feedback", after: { kind: "text", value: "Très bien" } },
    ]);
    expect(
      describeChanges(
        entry({ action: "observation.record", after: { score: 50, passed: false, attempt: 2, ratings: [] } }),
      ),
    ).toEqual([
      { field: "status", after: { kind: "status", value: "failed" } },
      { field: "score", after: { kind: "percent", value: 50 } },
      { field: "attempt", after: { kind: "number", value: 2 } },
    ]);
  });

  it("reads certificates, classes and reminders", () => {
    expect(
      describeChanges(entry({ action: "certificate.issue", after: { kind: "completion", code: "AB12" } })),
    ).toEqual([
      { field: "kind", after: { kind: "text", value: "completion" } },
      { field: "code", after: { kind: "text", value: "AB12" } },
    ]);
    expect(
      describeChanges(
        entry({
          action: "class.attendance",
          after: { entries: [{ learnerId: "x", minutes: 60 }, { learnerId: "y" }] },
        }),
      ),
    ).toEqual([{ field: "entries", after: { kind: "number", value: 2 } }]);
    expect(actionKey("reminder.send")).toBe("reminder_send");
  });

  it("shows the plain values of an action it doesn't know, never raw JSON", () => {
    expect(
      describeChanges(
        entry({
          action: "certificate.reissue",
          before: { kind: "completion" },
          after: { kind: "attendance", nested: { a: 1 } },
        }),
      ),
    ).toEqual([
      { field: "kind", before: { kind: "text", value: "completion" }, after: { kind: "text", value: "attendance" } },
    ]);
    expect(actionKey("lesson_stats.edit")).toBe("lesson_stats_edit");
    expect(actionKey("certificate.reissue")).toBeNull();
  });
});

describe("audit action names", () => {
  it("knows and labels, in French and English, every action the server writes", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { knownActions } = await import("./auditChanges.js");
    const root = path.resolve(__dirname, "../../../../server/modules");
    const written = new Set<string>();
    for (const file of fs.readdirSync(root, { recursive: true }) as string[]) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const match of text.matchAll(/action: (?:before\.[^?]+\? )?"([a-z_.-]+)"(?: : "([a-z_.-]+)")?/g)) {
        if (match[1]) written.add(match[1]);
        if (match[2]) written.add(match[2]);
      }
      // The imports write `import.<kind>`: one action per import kind.
      if (text.includes("action: `import.")) {
        for (const kind of ["users", "list-members", "enrollments", "tutor-assignments"]) written.add(`import.${kind}`);
      }
    }
    expect(written.size).toBeGreaterThan(40);
    const known = new Set<string>(knownActions);
    expect([...written].filter((action) => !known.has(action))).toEqual([]);
    for (const lang of ["fr", "en"]) {
      const catalogue = JSON.parse(
        fs.readFileSync(path.resolve(__dirname, `../../i18n/${lang}.report.json`), "utf8"),
      ) as { audit: { actions: Record<string, string> } };
      const missing = knownActions.filter((action) => !catalogue.audit.actions[action.replace(/\./g, "_")]);
      expect(missing, lang).toEqual([]);
    }
  });
});
