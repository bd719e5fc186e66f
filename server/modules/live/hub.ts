import { randomBytes } from "node:crypto";
import pg from "pg";
import { SESSION_CHANNEL, type SessionCache } from "../auth/sessionCache.js";

export const PROGRESS_CHANNEL = "tutora_progress";
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
const SYNC_TIMEOUT_MS = 5_000;
/** The listening connection's application_name in pg_stat_activity. */
export const LISTENER_NAME = "tutora live hub";
type Listener = () => void;

/**
 * Fans PostgreSQL notifications out to the open tutoring centers (B5). Every write that changes a
 * learner's summary notifies its course id (summaries.ts) when it commits; each app instance
 * listens on one connection of its own, so a commit on any instance reaches every instance. The
 * same connection hears session changes for this instance's SessionCache, which is used only
 * while the connection listens, and answers its `sync`.
 */
export class LiveHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private client: pg.Client | undefined;
  private stopped = false;
  private retryMs = 1000;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** This instance's own channel: what it notifies there comes back after all committed before. */
  private readonly syncChannel = `tutora_sync_${randomBytes(8).toString("hex")}`;
  private syncCount = 0;
  /** The sync on its way (one at a time): its payload, and what hearing it resolves. */
  private waiting: { payload: string; heard: () => void } | undefined;
  private syncing: Promise<void> | undefined;
  private nextSync: Promise<void> | undefined;

  constructor(
    private readonly options: pg.ClientConfig,
    private readonly sessions?: SessionCache,
  ) {
    sessions?.attachSync(() => this.sync());
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect().catch(() => this.scheduleReconnect());
  }

  private async connect() {
    // Keepalive and the heartbeat below notice a connection that went silent (a partition, a
    // failover): notifications lost without an error would leave the session copies in use.
    const client = new pg.Client({
      ...this.options,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      application_name: LISTENER_NAME,
    });
    const lost = () => {
      if (this.client === client) this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", (message) => {
      if (this.client !== client || !message.payload) return;
      if (message.channel === this.syncChannel) {
        if (this.waiting?.payload === message.payload) this.waiting.heard();
        return;
      }
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
      await client.query(`listen ${this.syncChannel}`);
      // A notifying transaction commits like a write: without waiting for the disk here, since a
      // sync's notification needs no durability, only its place in the commit order.
      await client.query("set synchronous_commit = off");
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

  /**
   * Resolves once every notification committed before the call has been heard (SessionCache.sync):
   * PostgreSQL delivers notifications in commit order, so this instance's own, sent now on its
   * listening connection, comes back after them. Callers arriving while one is on its way share
   * the next one. No answer in time means the connection is gone: it is dropped, and with it every
   * session copy, so the caller may go on either way.
   */
  private sync(): Promise<void> {
    if (!this.syncing) {
      this.syncing = this.syncOnce().finally(() => {
        this.syncing = undefined;
      });
      return this.syncing;
    }
    // Sent before this call: it may not come back after what this caller committed.
    this.nextSync ??= this.syncing.then(() => {
      this.nextSync = undefined;
      return this.sync();
    });
    return this.nextSync;
  }

  private async syncOnce(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const payload = String(++this.syncCount);
    const heard = new Promise<void>((resolve) => {
      this.waiting = { payload, heard: resolve };
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("no answer")), SYNC_TIMEOUT_MS);
      timer.unref();
    });
    try {
      await Promise.race([
        Promise.all([client.query("select pg_notify($1, $2)", [this.syncChannel, payload]), heard]),
        timeout,
      ]);
    } catch {
      if (this.client === client) this.scheduleReconnect();
    } finally {
      clearTimeout(timer);
      this.waiting = undefined;
    }
  }

  /** The connection is gone: no copy is used any more, so nobody needs to wait for it. */
  private releaseSync() {
    this.waiting?.heard();
  }

  private async discard(client: pg.Client) {
    client.removeAllListeners();
    client.on("error", () => {});
    await client.end().catch(() => {});
  }

  private scheduleReconnect() {
    this.sessions?.setListening(false);
    this.releaseSync();
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
    this.releaseSync();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const client = this.client;
    this.client = undefined;
    if (client) await this.discard(client);
  }
}
