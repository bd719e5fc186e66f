import type { SessionRow } from "./queries.js";

/** Notified (by triggers, migration 0012) with a user id, or `*`, when sessions may have changed. */
export const SESSION_CHANNEL = "tutora_sessions";

const MAX_ENTRIES = 20_000;
/** An entry is read again after this long whatever was notified. */
const MAX_AGE_MS = 60_000;

interface Entry {
  row: SessionRow;
  /** When the session expires at the latest, on this clock (another instance may have extended it since). */
  expiresAt: number;
  cachedAt: number;
}

/**
 * The sessions this instance has read for the requests that only read (GET, HEAD) and for the SCORM
 * player's (a commit every few seconds per learner): a read then needs one statement fewer, a
 * commit one instead of two (issue #8). An entry is used only while this instance listens to
 * SESSION_CHANNEL: a session deleted (sign-out, sign-out everywhere, an account disabled), a user
 * changed or an organisation renamed, on any instance or by any script, is notified when it
 * commits and dropped here; the instance that signs out drops it at once, and each other change
 * made through this instance is heard before its response leaves (`sync`, called after every
 * mutation but the player's). When the listening connection is down, nothing is used and
 * everything is dropped. Mutations other than the player's read their session afresh.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  private listening = false;
  /** Bumped by every drop: a read that started before one must not store what it read. */
  private generation = 0;
  /** Set by the listening connection (LiveHub.sync). */
  private syncer: (() => Promise<void>) | undefined;

  /** The generation to hand back to `set` with what a read finds. */
  get version(): number {
    return this.generation;
  }

  get(tokenHash: string, now = Date.now()): SessionRow | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= now || now - entry.cachedAt > MAX_AGE_MS) {
      this.remove(tokenHash);
      return undefined;
    }
    // Most recently used last: the first entries are the ones to evict.
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, entry);
    return entry.row;
  }

  /** Keeps what a read found, unless something was dropped since the read began (`version`). */
  set(tokenHash: string, row: SessionRow, version: number, now = Date.now()) {
    if (!this.listening || version !== this.generation) return;
    this.remove(tokenHash);
    this.entries.set(tokenHash, { row, expiresAt: now + row.expiresInMs, cachedAt: now });
    const hashes = this.byUser.get(row.id) ?? new Set<string>();
    hashes.add(tokenHash);
    this.byUser.set(row.id, hashes);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.remove(oldest);
    }
  }

  /** After this instance extended the session (touchSession). */
  touched(tokenHash: string, lastSeenAt: string, expiresInMs: number, now = Date.now()) {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    entry.row = { ...entry.row, lastSeenAt, expiresInMs };
    entry.expiresAt = now + expiresInMs;
  }

  /**
   * Resolves once every change committed before the call has been heard here: a mutation calls it
   * before answering, so the next request, on this instance, sees what it changed (a locale, an
   * account disabled by an admin). Nothing to wait for while no copy is used.
   */
  async sync(): Promise<void> {
    if (this.listening && this.syncer) await this.syncer();
  }

  /** The listening connection's way to hear everything committed so far (LiveHub). */
  attachSync(syncer: (() => Promise<void>) | undefined) {
    this.syncer = syncer;
  }

  /** A notification on SESSION_CHANNEL (LiveHub): its payload is a user id, or `*`. */
  notified(payload: string) {
    this.dropUser(payload);
  }

  dropToken(tokenHash: string) {
    this.generation++;
    this.remove(tokenHash);
  }

  /** A user's sessions, or everyone's (`*`). */
  dropUser(userId: string) {
    this.generation++;
    if (userId === "*") {
      this.entries.clear();
      this.byUser.clear();
      return;
    }
    for (const hash of this.byUser.get(userId) ?? []) this.entries.delete(hash);
    this.byUser.delete(userId);
  }

  /** Called by the listening connection (LiveHub): entries are used only while it is up. */
  setListening(listening: boolean) {
    this.generation++;
    this.entries.clear();
    this.byUser.clear();
    this.listening = listening;
  }

  private remove(tokenHash: string) {
    const entry = this.entries.get(tokenHash);
    if (!entry) return;
    this.entries.delete(tokenHash);
    const hashes = this.byUser.get(entry.row.id);
    hashes?.delete(tokenHash);
    if (hashes?.size === 0) this.byUser.delete(entry.row.id);
  }
}
