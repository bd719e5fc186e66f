import path from "node:path";
import { CsvError, parse } from "csv-parse";
import type { FastifyRequest } from "fastify";
import type { ImportColumn } from "../../../common/api/imports.js";
import { normalizeForSearch } from "../../../common/format.js";
import { AppError, badRequest } from "../../errors.js";

/** A CSV upload read whole into memory, after its size, type and encoding were checked. */
export interface CsvUpload {
  fileName: string;
  text: string;
}

const fileError = (rule: string, message: string) => badRequest("file", rule, message);

/**
 * Reads the `file` part of a multipart request, refusing (400 naming `file`) before anything is
 * kept: no file, over `maxBytes` (read to the limit, never whole), not a .csv/.txt name, binary
 * content (a NUL byte: a spreadsheet or zip renamed .csv), UTF-16, or bytes that are not UTF-8.
 */
export async function readCsvUpload(request: FastifyRequest, maxBytes: number): Promise<CsvUpload> {
  if (!request.isMultipart()) throw fileError("multipart", "Send the CSV file as multipart/form-data");
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false });
  if (!part) throw fileError("required", "No file was sent");
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  if (part.file.truncated) {
    throw fileError("max_size", `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
  const fileName = path.basename(part.filename || "import.csv");
  return { fileName, text: decodeCsv(fileName, Buffer.concat(chunks)) };
}

/** Checks a CSV file's name and bytes and returns its text (without a UTF-8 byte order mark). */
export function decodeCsv(fileName: string, bytes: Buffer): string {
  if (!/\.(csv|txt)$/i.test(fileName)) throw fileError("type", "Send a .csv file (text, columns separated by ; or ,)");
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileError("encoding", "The file is in UTF-16: save it as CSV UTF-8");
  }
  if (bytes.includes(0)) throw fileError("type", "The file is not text (it holds binary data): send a CSV file");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fileError("encoding", "The file is not UTF-8: save it as CSV UTF-8");
  }
  if (text.trim() === "") throw fileError("empty", "The file is empty");
  return text;
}

/** `;` or `,`: whichever separates more of the header line's cells (outside quotes). */
export function detectDelimiter(text: string): ";" | "," {
  const end = text.indexOf("\n");
  const header = end < 0 ? text : text.slice(0, end);
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ";") semicolons++;
    else if (!quoted && c === ",") commas++;
  }
  if (semicolons === 0 && commas === 0) {
    throw fileError("delimiter", "The header row has a single column: separate the columns with ; or ,");
  }
  return semicolons >= commas ? ";" : ",";
}

const headerKey = (name: string) => normalizeForSearch(name);

/** Which documented column each header is (by position); 400 naming the missing or repeated column. */
export function mapHeader(header: string[], columns: ImportColumn[]) {
  const byName = new Map<string, ImportColumn>();
  for (const column of columns) for (const name of column.names) byName.set(headerKey(name), column);
  const positions = new Map<string, { index: number; header: string }>();
  header.forEach((raw, index) => {
    const column = byName.get(headerKey(raw));
    if (!column) return; // Extra columns (an export's other fields) are ignored.
    if (positions.has(column.key)) {
      throw fileError(
        "columns",
        `Two columns are read as "${column.names[0]}": "${positions.get(column.key)?.header}" and "${raw}"`,
      );
    }
    positions.set(column.key, { index, header: raw.trim() });
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.key));
  if (missing.length) {
    throw fileError(
      "columns",
      `Missing column${missing.length > 1 ? "s" : ""}: ${missing.map((c) => `${c.names[0]} (${c.names[1]})`).join(", ")}`,
    );
  }
  return positions;
}

/** A data row: its line in the file and its cells by column key (trimmed, "" when empty or absent). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  /** Cells in the row, to detect a row that doesn't have the header's columns. */
  width: number;
}

export interface ParsedCsv {
  delimiter: ";" | ",";
  /** The header of each documented column found, as written in the file. */
  headers: Record<string, string>;
  headerWidth: number;
  rows: CsvRow[];
}

/**
 * Parses the CSV text as a stream of records (csv-parse), mapping each to the documented columns
 * by the header row; blank lines are skipped. A malformed file (unclosed quote) → 400 with its line.
 */
export async function parseCsv(text: string, columns: ImportColumn[]): Promise<ParsedCsv> {
  const delimiter = detectDelimiter(text);
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
  });
  parser.end(text);
  let positions: Map<string, { index: number; header: string }> | undefined;
  let headerWidth = 0;
  const rows: CsvRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!positions) {
        positions = mapHeader(record, columns);
        headerWidth = record.length;
        continue;
      }
      const cells: Record<string, string> = {};
      for (const [key, { index }] of positions) cells[key] = record[index] ?? "";
      rows.push({ line: info.lines, cells, width: record.length });
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new AppError(
        400,
        "validation_error",
        `The CSV is malformed${line ? ` at line ${line}` : ""}: ${error.message}`,
        [{ field: "file", rule: "csv", message: `Malformed CSV${line ? ` at line ${line}` : ""}: ${error.message}` }],
      );
    }
    throw error;
  }
  if (!positions) throw fileError("empty", "The file is empty");
  return {
    delimiter,
    headerWidth,
    headers: Object.fromEntries([...positions].map(([key, { header }]) => [key, header])),
    rows,
  };
}
