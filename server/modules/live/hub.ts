import pg from "pg";
import { SESSION_CHANNEL, type SessionCache } from "../auth/sessionCache.js";

export const PROGRESS_CHANNEL = "tutora_progress";
type Listener = () => void;

/**
 * Fans PostgreSQL notifications out to the open tutoring centers (B5). Every write that changes a
 * learner's summary notifies its course id (summaries.ts) when it commits; each app instance
 * listens on one connection of its own, so a commit on any instance reaches every instance. The
 * same connection hears session changes for this instance's SessionCache, which is used only
 * while the connection listens.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = 1000;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: pg.ClientConfig,
    private readonly sessions?: SessionCache,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch(() => this.scheduleReconnect());
  }

  private async connect() {
    const client = new pg.Client(this.options);
    client.on("error", () => this.scheduleReconnect());
    client.on("end", () => this.scheduleReconnect());
    client.on("notification", (message) => {
      if (!message.payload) return;
      if (message.channel === SESSION_CHANNEL) {
        this.sessions?.dropUser(message.payload);
        return;
      }
      if (message.channel !== PROGRESS_CHANNEL) return;
      for (const listener of this.listeners.get(message.payload) ?? []) listener();
    });
    await client.connect();
    await client.query(`listen ${PROGRESS_CHANNEL}`);
    await client.query(`listen ${SESSION_CHANNEL}`);
    this.client = client;
    this.retryMs = 1000;
    this.sessions?.setListening(true);
  }

  private scheduleReconnect() {
    this.sessions?.setListening(false);
    if (this.stopped || this.retryTimer) return;
    const old = this.client;
    this.client = undefined;
    old?.removeAllListeners();
    old?.end().catch(() => {});
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect().catch(() => this.scheduleReconnect());
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
  }

  /** Calls `listener` when a learner of the course changes; returns the unsubscribe function. */
  subscribe(courseId: string, listener: Listener): () => void {
    const set = this.listeners.get(courseId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(courseId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(courseId);
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sessions?.setListening(false);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners();
    await client?.end().catch(() => {});
  }
}
