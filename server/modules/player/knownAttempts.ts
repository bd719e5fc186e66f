/**
 * What a commit needs of an attempt, as this instance's last commit of it left it. A SCORM player
 * commits every few seconds; each commit used to read the attempt first (findAttempt), then write.
 * With the attempt as last written here, the next commit of the same player writes at once: the
 * write (applyCommit) checks the attempt's and the enrollment's versions, and the lesson's passing
 * score, and writes nothing when anything changed meanwhile (a tutor's edit, another instance, the
 * learner's other tab), the commit then being done from a fresh read. So an entry is never trusted,
 * only tried: a stale one costs one round trip, never a wrong write.
 */
export interface KnownAttempt {
  userId: string;
  /** The session the player commits in: another session of the attempt is read afresh. */
  sessionId: number;
  enrollmentId: string;
  lessonId: string;
  courseId: string;
  scormVersion: "1.2" | "2004";
  /** cmi.entry of the attempt ("ab-initio" or "resume"), which every commit keeps. */
  entry: unknown;
  masteryScore: number | null;
  passingScore: number | null;
  status: string;
  statusAt: string | null;
  attemptVersion: number;
  enrollmentVersion: number;
  /** A digest of the stored CMI data (canonical JSON): a commit that changes nothing is read afresh. */
  cmiDigest: string;
}

/** Least recently used attempts go first; an entry is a few hundred bytes (10,000: about 5 MB). */
export class KnownAttempts {
  private readonly entries = new Map<number, KnownAttempt>();

  constructor(private readonly capacity: number) {}

  get(attemptId: number): KnownAttempt | undefined {
    const entry = this.entries.get(attemptId);
    if (entry) {
      this.entries.delete(attemptId);
      this.entries.set(attemptId, entry);
    }
    return entry;
  }

  set(attemptId: number, entry: KnownAttempt): void {
    this.entries.delete(attemptId);
    this.entries.set(attemptId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(attemptId: number): void {
    this.entries.delete(attemptId);
  }
}
