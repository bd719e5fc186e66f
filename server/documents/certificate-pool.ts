import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { type CertificateData, certificatePdf } from "./certificate-pdf.js";
import type { RenderRequest, RenderResponse } from "./certificate-worker.js";
import type { DocumentLocale } from "./labels.js";

/**
 * Renders certificates on worker threads, so a job of 1,000 learners renders while the main thread
 * works the database (BENCHMARKS.md: ~5 ms of CPU per PDF). Threads start on first use, never keep
 * the process alive, and are ended once idle for `idleMs` (each held ~80-110 MB of RSS when measured
 * under tsx: a V8 heap, the loader, pdfkit and the parsed fonts; ~60 MB from the JavaScript build with
 * its old generation capped), so that memory is taken only while certificates are made. If they can't
 * start, or die, PDFs are rendered in this thread.
 */
export class CertificatePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { request: RenderRequest; resolve: (pdf: Buffer) => void; reject: (e: Error) => void }[] = [];
  private readonly pending = new Map<
    number,
    { worker: Worker; request: RenderRequest; resolve: (pdf: Buffer) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private broken = false;
  /** Threads that died since a PDF was last made on one: after MAX_DEATHS, PDFs are made in this thread. */
  private deaths = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly size: number,
    // Soon after a job: ending the thread gave back ~85 MB (221 → 135 MB after 1,000 PDFs); the
    // price is ~0.5 s to start one again for the next certificate after a pause.
    private readonly idleMs = 3_000,
    private readonly onRelease?: () => void,
    // A cap on a thread's old generation: its live data is ~15 MB (the parsed fonts, pdfkit), and
    // uncapped V8 let ~100 MB of garbage build up before collecting it during a job of 1,000 PDFs
    // (the thread's RSS +102 MB; capped at 48 or 64 MB: +62-65 MB, no slower; 64 leaves a 4x
    // margin). A thread that still runs out dies, its PDF is rendered in this thread, and a new
    // thread takes the next ones.
    private readonly oldGenerationMb = 64,
  ) {}

  /** Threads running (0 when idle long enough). */
  get threads() {
    return this.workers.length;
  }

  /** PDFs being rendered right now (at most one per thread). */
  get busy() {
    return this.pending.size;
  }

  render(data: CertificateData, locale: DocumentLocale): Promise<Buffer> {
    if (this.broken || this.size < 1) return certificatePdf(data, locale);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.workers.length === 0) this.start();
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, data, locale }, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends the threads once nothing was asked of them for `idleMs`. */
  private releaseWhenIdle() {
    if (this.pending.size > 0 || this.queue.length > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.pending.size > 0 || this.queue.length > 0) return;
      for (const worker of this.workers.splice(0)) {
        worker.removeAllListeners("error");
        void worker.terminate();
      }
      this.idle.splice(0);
      this.onRelease?.();
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private start() {
    try {
      for (let i = 0; i < this.size; i++) {
        // A small young generation: a thread's garbage is short-lived pages and glyph runs, and
        // V8's default (16 MB semi-spaces) kept ~30 MB more per thread for no measurable speed
        // (1,000 PDFs on 2 threads: 328 → 262 MB of RSS, 6.9 → 6.8 s of CPU).
        const worker = new Worker(BOOTSTRAP, {
          eval: true,
          resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: this.oldGenerationMb },
        });
        worker.unref();
        worker.on("message", (message: RenderResponse) => this.done(worker, message));
        worker.on("error", () => this.fail(worker));
        this.workers.push(worker);
        this.idle.push(worker);
      }
    } catch {
      this.broken = true;
    }
  }

  private dispatch() {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift();
      if (!job) break;
      this.pending.set(job.request.id, { worker, request: job.request, resolve: job.resolve, reject: job.reject });
      worker.ref();
      worker.postMessage(job.request);
    }
    if (this.broken) {
      // No thread left: what is queued renders here.
      for (const job of this.queue.splice(0))
        certificatePdf(job.request.data, job.request.locale).then(job.resolve, job.reject);
    }
  }

  private done(worker: Worker, message: RenderResponse) {
    const job = this.pending.get(message.id);
    this.pending.delete(message.id);
    this.deaths = 0;
    worker.unref();
    this.idle.push(worker);
    if (job) {
      if ("pdf" in message)
        job.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
      else job.reject(new Error(message.error));
    }
    this.dispatch();
    this.releaseWhenIdle();
  }

  private fail(worker: Worker) {
    // A thread that died (out of memory, say) is not reused; the PDF it was making is made here.
    for (const [id, job] of this.pending) {
      if (job.worker !== worker) continue;
      this.pending.delete(id);
      certificatePdf(job.request.data, job.request.locale).then(job.resolve, job.reject);
    }
    this.workers.splice(this.workers.indexOf(worker), 1);
    const idle = this.idle.indexOf(worker);
    if (idle >= 0) this.idle.splice(idle, 1);
    // Threads start again (on the next PDF, or now for those waiting), unless they keep dying.
    this.deaths++;
    if (this.workers.length === 0) {
      if (this.deaths >= MAX_DEATHS) this.broken = true;
      else if (this.queue.length > 0) this.start();
    }
    this.dispatch();
    this.releaseWhenIdle();
  }
}

const MAX_DEATHS = 3;

/** True when this file runs from the JavaScript build (dist/app, `npm start`), not through tsx. */
const COMPILED = import.meta.url.endsWith(".js");

/**
 * A thread's bootstrap, with absolute paths so the working directory doesn't matter. From the
 * JavaScript build it loads the renderer; from the sources it first registers tsx's loader (its ESM
 * API: its package exports would give the CommonJS build to createRequire), as `--import` doesn't
 * reach worker threads on Node 20.
 */
function bootstrap(): string {
  const worker = JSON.stringify(
    new URL(COMPILED ? "./certificate-worker.js" : "./certificate-worker.ts", import.meta.url).href,
  );
  if (COMPILED) return `import(${worker}).catch((error) => { throw error; });`;
  const tsx = path.join(
    path.dirname(createRequire(import.meta.url).resolve("tsx/package.json")),
    "dist/esm/api/index.mjs",
  );
  return `import(${JSON.stringify(pathToFileURL(tsx).href)})
  .then(({ register }) => { register(); return import(${worker}); })
  .catch((error) => { throw error; });`;
}
const BOOTSTRAP = bootstrap();

/**
 * One core stays for the main thread and PostgreSQL (reading, storing, the zip). Measured on 2
 * cores (under tsx), 1,000 certificates: a second thread cost 1.2-1.9 s more CPU (its start, contention)
 * and ~100 MB of RSS, and was slower whenever the machine was shared (29 vs 36 s, 37 vs 40 s, load
 * 14-18); with rendering at ~5 ms a PDF, one thread keeps pace with the database.
 */
const pool = new CertificatePool(Math.max(1, Math.min(4, os.availableParallelism() - 1)));

/** A certificate PDF, rendered on a worker thread. */
export function renderCertificate(data: CertificateData, locale: DocumentLocale): Promise<Buffer> {
  return pool.render(data, locale);
}
