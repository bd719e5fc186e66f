/**
 * A certificate renderer thread (certificate-pool.ts): renders the PDFs it is sent, with the fonts
 * parsed once for the thread's life.
 */
import { parentPort } from "node:worker_threads";
import { type CertificateData, certificatePdf } from "./certificate-pdf.js";
import type { DocumentLocale } from "./labels.js";

export interface RenderRequest {
  id: number;
  data: CertificateData;
  locale: DocumentLocale;
}

export type RenderResponse = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on("message", (request: RenderRequest) => {
  certificatePdf({ ...request.data, issuedAt: new Date(request.data.issuedAt) }, request.locale).then(
    (pdf) => parentPort?.postMessage({ id: request.id, pdf: new Uint8Array(pdf) } satisfies RenderResponse),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: String(error) } satisfies RenderResponse),
  );
});
