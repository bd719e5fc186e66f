/** Template databases of a test run; the run id (set by global-setup) keeps two runs on one server apart. */
export function templateNames() {
  const run = process.env.TUTORA_TEST_RUN;
  if (!run) throw new Error("TUTORA_TEST_RUN is not set: run the tests through vitest (global-setup)");
  // `clones` is the prefix of the run's test databases (cloned from the templates), dropped at its end.
  return { empty: `tutora_tpl_empty_${run}`, demo: `tutora_tpl_demo_${run}`, clones: `tutora_t_${run}_` };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
