import { afterEach, describe, expect, it, vi } from "vitest";
import type { LaunchCmi } from "../../../../common/api/player.js";
import { createRuntime, installRuntime, startingJson, toCommitCmi } from "./scormRuntime.js";

const launchCmi: LaunchCmi = {
  entry: "resume",
  location: "page-2",
  suspendData: "answers=a,b",
  learnerId: "u1",
  learnerName: "AGASSE, Sam",
  mode: "normal",
  credit: "credit",
  masteryScore: 80,
};

afterEach(() => vi.restoreAllMocks());

describe("the SCORM runtime", () => {
  it("starts SCORM 1.2 content where the learner left it, with the mastery score", () => {
    const api = createRuntime("1.2", launchCmi, null) as unknown as {
      LMSInitialize(v: string): string;
      LMSGetValue(k: string): string;
    };
    expect(api.LMSInitialize("")).toBe("true");
    expect(api.LMSGetValue("cmi.core.entry")).toBe("resume");
    expect(api.LMSGetValue("cmi.core.lesson_location")).toBe("page-2");
    expect(api.LMSGetValue("cmi.suspend_data")).toBe("answers=a,b");
    expect(api.LMSGetValue("cmi.student_data.mastery_score")).toBe("80");
    expect(api.LMSGetValue("cmi.core.student_name")).toBe("AGASSE, Sam");
  });

  it("gives SCORM 2004 content its scaled passing score", () => {
    expect(startingJson("2004", launchCmi)).toMatchObject({ scaled_passing_score: "0.8", location: "page-2" });
    expect(startingJson("2004", { ...launchCmi, masteryScore: null })).not.toHaveProperty("scaled_passing_score");
  });

  it("commits SCORM 2004 data as a synchronous XHR and terminates with a text/plain beacon carrying the CSRF token", () => {
    const sent: { url: string; body: string; headers: Record<string, string> }[] = [];
    class FakeXhr {
      status = 200;
      responseText = JSON.stringify({ result: true, errorCode: 0, status: "passed", score: 90 });
      url = "";
      headers: Record<string, string> = {};
      open(_method: string, url: string, async: boolean) {
        expect(async).toBe(false);
        this.url = url;
      }
      setRequestHeader(name: string, value: string) {
        this.headers[name] = value;
      }
      send(body: string) {
        sent.push({ url: this.url, body, headers: this.headers });
      }
    }
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
    const beacons: { url: string; blob: Blob }[] = [];
    Object.defineProperty(navigator, "sendBeacon", {
      configurable: true,
      value: (url: string, blob: Blob) => beacons.push({ url, blob }) > 0,
    });
    const committed: unknown[] = [];
    const api = createRuntime(
      "2004",
      { ...launchCmi, entry: "ab-initio", location: "", suspendData: "" },
      {
        attemptId: 7,
        sessionId: 9,
        csrfToken: "token",
        onCommitted: (result) => committed.push(result),
        onFailed: () => {},
      },
    ) as unknown as {
      Initialize(v: string): string;
      SetValue(k: string, v: string): string;
      Commit(v: string): string;
      Terminate(v: string): string;
    };
    const uninstall = installRuntime("2004", api as never);
    expect(window.API_1484_11).toBe(api);
    api.Initialize("");
    api.SetValue("cmi.location", "p3");
    api.SetValue("cmi.score.scaled", "0.9");
    api.SetValue("cmi.completion_status", "completed");
    api.SetValue("cmi.interactions.0.id", "q1");
    api.SetValue("cmi.interactions.0.type", "choice");
    expect(api.Commit("")).toBe("true");
    expect(sent[0]?.url).toBe("/api/player/attempts/7/commit");
    expect(sent[0]?.headers["x-csrf-token"]).toBe("token");
    const body = JSON.parse(sent[0]?.body ?? "{}");
    expect(body.sessionId).toBe(9);
    expect(body.cmi).toMatchObject({
      location: "p3",
      completionStatus: "completed",
      score: { scaled: 0.9, raw: null },
      lessonStatus: null,
      interactions: [{ id: "q1", type: "choice" }],
    });
    expect(committed).toEqual([{ result: true, errorCode: 0, status: "passed", score: 90 }]);
    expect(api.Terminate("")).toBe("true");
    expect(beacons[0]?.url).toBe("/api/player/attempts/7/terminate");
    expect(beacons[0]?.blob.type).toBe("text/plain;charset=utf-8");
    uninstall();
    expect(window.API_1484_11).toBeUndefined();
  });

  it("normalises SCORM 1.2 data and drops unknown statuses", () => {
    const cmi = toCommitCmi("1.2", {
      cmi: {
        suspend_data: "s",
        core: {
          lesson_status: "passed",
          lesson_location: "l",
          session_time: "00:01:00",
          exit: "",
          score: { raw: "85", min: "", max: "100" },
        },
        interactions: { "1": { id: "b" }, "0": { id: "a" } },
        objectives: {},
      },
    });
    expect(cmi).toMatchObject({
      lessonStatus: "passed",
      completionStatus: null,
      score: { raw: 85, min: null, max: 100, scaled: null },
      interactions: [{ id: "a" }, { id: "b" }],
    });
    expect(toCommitCmi("1.2", { cmi: { core: { lesson_status: "bogus" } } }).lessonStatus).toBeNull();
  });

  it("tells the SCO a refused commit failed and the page why", () => {
    class RefusingXhr {
      status = 409;
      responseText = JSON.stringify({ error: { code: "attempt_finished", message: "ended" } });
      open() {}
      setRequestHeader() {}
      send() {}
    }
    vi.stubGlobal("XMLHttpRequest", RefusingXhr);
    const failures: string[] = [];
    const api = createRuntime("1.2", launchCmi, {
      attemptId: 1,
      sessionId: 1,
      csrfToken: "token",
      onCommitted: () => {},
      onFailed: (message) => failures.push(message),
    }) as unknown as { LMSInitialize(v: string): string; LMSCommit(v: string): string };
    api.LMSInitialize("");
    expect(api.LMSCommit("")).toBe("false");
    expect(failures).toEqual(["finished"]);
  });
});
