import { describe, expect, it } from "vitest";
import type { CertificateData } from "./certificate-pdf.js";
import { CertificatePool } from "./certificate-pool.js";

const data = (firstName: string): CertificateData => ({
  kind: "attendance",
  code: "TUT-ABCD-EFGH-JKLM",
  verifyUrl: "http://localhost/verify/TUT-ABCD-EFGH-JKLM",
  organisation: "Organisme",
  firstName,
  lastName: "Dupont",
  courseName: "Cours",
  courseCode: "C1",
  startedAt: "2026-01-02T10:00:00.000Z",
  completedAt: null,
  totalSeconds: 3600,
  lessons: [{ title: "Leçon 1", seconds: 3600 }],
  issuedAt: new Date("2026-02-01T10:00:00.000Z"),
  timeZone: "Europe/Paris",
  sessionCapSeconds: 14400,
});

describe("certificate renderer threads", () => {
  it("renders on as many threads as it has, one PDF each at a time, and ends them once idle", async () => {
    let released!: () => void;
    const idle = new Promise<void>((resolve) => {
      released = resolve;
    });
    const pool = new CertificatePool(2, 0, () => released());
    const pdfs = Promise.all(["A", "B", "C", "D", "E"].map((name) => pool.render(data(name), "fr")));
    // Two threads, each given one PDF; the other three wait their turn.
    expect(pool.threads).toBe(2);
    expect(pool.busy).toBe(2);
    const rendered = await pdfs;
    expect(rendered.map((pdf) => pdf.subarray(0, 5).toString())).toEqual(Array(5).fill("%PDF-"));
    await idle;
    expect(pool.threads).toBe(0);
    // Asked again, it starts its threads again.
    expect((await pool.render(data("F"), "fr")).subarray(0, 5).toString()).toBe("%PDF-");
  }, 60_000);
});

describe("a renderer thread that runs out of memory", () => {
  it("dies, the PDFs it was given are rendered in this thread, and a new thread starts unless they keep dying", async () => {
    // 1 MB of old generation: the thread can't even load the renderer.
    const pool = new CertificatePool(1, 0, undefined, 1);
    const first = await pool.render(data("A"), "fr");
    expect(first.subarray(0, 5).toString()).toBe("%PDF-");
    // One death does not stop the threads: the next PDF starts one again.
    const second = pool.render(data("B"), "fr");
    expect(pool.threads).toBe(1);
    expect((await second).subarray(0, 5).toString()).toBe("%PDF-");
    // Threads that keep dying: after three, PDFs are made in this thread.
    const rendered = await Promise.all(["C", "D", "E"].map((name) => pool.render(data(name), "fr")));
    expect(rendered.map((pdf) => pdf.subarray(0, 5).toString())).toEqual(Array(3).fill("%PDF-"));
    expect(pool.threads).toBe(0);
    expect((await pool.render(data("F"), "fr")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(pool.threads).toBe(0);
  }, 60_000);
});
