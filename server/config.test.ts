import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to the embedded database with demo data on port 3000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, demoData: true, smtpUrl: undefined });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it("turns the demo data off by default with DATABASE_URL, on when asked", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://db/tutora" }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: "postgres://db/tutora", DEMO_DATA: "true" }).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: "false" }).demoData).toBe(false);
  });

  it("names the variable and the rule when a value is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadConfig({ DEMO_DATA: "maybe" })).toThrow(/DEMO_DATA/);
  });

  it("limits SCORM packages to 500 MB unless SCORM_MAX_BYTES says otherwise", () => {
    expect(loadConfig({}).scormMaxBytes).toBe(500 * 1024 * 1024);
    expect(loadConfig({ SCORM_MAX_BYTES: "1048576" }).scormMaxBytes).toBe(1_048_576);
    expect(() => loadConfig({ SCORM_MAX_BYTES: "lots" })).toThrow(/SCORM_MAX_BYTES/);
    expect(() => loadConfig({ SCORM_MAX_BYTES: "10" })).toThrow(/SCORM_MAX_BYTES/);
  });
});
