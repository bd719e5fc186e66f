import pg from "pg";
import { SESSION_CHANNEL, type SessionCache } from "../auth/sessionCache.js";

export const PROGRESS_CHANNEL = "tutora_progress";
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
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
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: pg.ClientConfig,
    private readonly sessions?: SessionCache,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch(() => this.scheduleReconnect());
  }

  private async connect() {
    // Keepalive and the heartbeat below notice a connection that went silent (a partition, a
    // failover): notifications lost without an error would leave the session copies in use.
    const client = new pg.Client({ ...this.options, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    const lost = () => {
      if (this.client === client) this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (this.client !== client || !message.payload) return;
      if (message.channel === SESSION_CHANNEL) {
        this.sessions?.notified(message.payload);
        return;
      }
      if (message.channel !== PROGRESS_CHANNEL) return;
      for (const listener of this.listeners.get(message.payload) ?? []) listener();
    });
    try {
      await client.connect();
      await client.query(`listen ${PROGRESS_CHANNEL}`);
      await client.query(`listen ${SESSION_CHANNEL}`);
    } catch (error) {
      await this.discard(client);
      throw error;
    }
    if (this.stopped) {
      await this.discard(client);
      return;
    }
    this.client = client;
    this.retryMs = 1000;
    this.sessions?.setListening(true);
    this.heartbeat ??= setInterval(() => void this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** A query on the listening connection; no answer in time means it is gone. */
  private async checkAlive() {
    const client = this.client;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("no answer")), HEARTBEAT_TIMEOUT_MS);
    });
    try {
      await Promise.race([client.query("select 1"), timeout]);
    } catch {
      if (this.client === client) this.scheduleReconnect();
    } finally {
      clearTimeout(timer);
    }
  }

  private async discard(client: pg.Client) {
    client.removeAllListeners();
    client.on("error", () => {});
    await client.end().catch(() => {});
  }

  private scheduleReconnect() {
    this.sessions?.setListening(false);
    if (this.stopped || this.retryTimer) return;
    const old = this.client;
    this.client = undefined;
    if (old) void this.discard(old);
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
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) await this.discard(client);
  }
}
