import crypto from "node:crypto";
import type { CurrentUser } from "../../../common/api/auth.js";
import {
  IMPORT_MAX_ERRORS,
  type ImportKind,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
  importColumns,
} from "../../../common/api/imports.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { writeAudit } from "../audit/audit.js";
import type { CsvUpload } from "./csv.js";
import { parseCsv } from "./csv.js";
import { type ImportPlan, planImport } from "./plan.js";
import { lockImports } from "./queries.js";

function present(
  kind: ImportKind,
  delimiter: ";" | ",",
  headers: Record<string, string>,
  plan: ImportPlan,
): ImportPreview {
  const errors = [...plan.errors].sort((a, b) => a.line - b.line);
  return {
    kind,
    delimiter,
    columns: importColumns[kind]
      .filter((c) => headers[c.key])
      .map((c) => ({ key: c.key, header: headers[c.key] as string })),
    counts: plan.counts,
    errors: errors.slice(0, IMPORT_MAX_ERRORS),
    errorCount: errors.length,
  };
}

/** What importing the file would do, row by row; nothing is written. */
export async function preview(db: Db, kind: ImportKind, upload: CsvUpload): Promise<ImportPreview> {
  const csv = await parseCsv(upload.text, importColumns[kind]);
  const plan = await planImport(db, kind, csv);
  return present(kind, csv.delimiter, csv.headers, plan);
}

/**
 * Imports the file in one transaction, planned again inside it (the preview may be stale):
 * `all_or_nothing` refuses the whole file when a row is invalid (400 `import_has_errors`, the
 * rows at fault in `fields`); `valid_rows` writes the valid rows and reports the others. Idempotent:
 * the same file again creates nothing (rows are matched on email, email + course, list + email).
 */
export async function runImport(
  db: Db,
  actor: CurrentUser,
  kind: ImportKind,
  mode: ImportMode,
  upload: CsvUpload,
): Promise<ImportResult> {
  const started = performance.now();
  const csv = await parseCsv(upload.text, importColumns[kind]);
  return db.transaction(async (tx) => {
    await lockImports(tx);
    const plan = await planImport(tx, kind, csv);
    const result = present(kind, csv.delimiter, csv.headers, plan);
    if (mode === "all_or_nothing" && plan.counts.invalid > 0) {
      throw new AppError(
        400,
        "import_has_errors",
        `${plan.counts.invalid} row(s) have errors; nothing was imported`,
        result.errors.slice(0, 50).map((e) => ({
          field: `line ${e.line}${e.column ? `, ${e.column}` : ""}`,
          rule: e.rule,
          message: e.message,
        })),
      );
    }
    await plan.write(tx);
    await writeAudit(tx, {
      actorId: actor.id,
      action: `import.${kind}`,
      entityType: "import",
      entityId: crypto.randomUUID(),
      after: { fileName: upload.fileName, mode, counts: plan.counts, errorCount: result.errorCount },
    });
    return { ...result, mode, seconds: Math.round(performance.now() - started) / 1000 };
  });
}
