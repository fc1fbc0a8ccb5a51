export interface UploadConcurrency {
  /** Upload requests one user may have in progress at once (on this node). */
  perUser: number;
  /** Upload requests this node works on at once, over all users. */
  total: number;
}

export type SlotResult =
  | { acquired: true; release: () => void }
  | { acquired: false; reason: 'user' | 'server' };

/**
 * Caps the upload requests in progress on this process. Each request holds up to one file (≤ 25 MB) in
 * memory plus an image decode, so the total bounds the memory uploads can take; the per-user cap keeps
 * one account from taking every slot. In-process on purpose: the memory being protected is this node's,
 * and a count in a shared store would leak slots whenever a node dies mid-upload.
 */
export class UploadSlots {
  private readonly byUser = new Map<string, number>();
  private inProgress = 0;

  constructor(private readonly limits: UploadConcurrency) {}

  /** Slots in use by `userId`, or by everyone. */
  count(userId?: string): number {
    return userId === undefined ? this.inProgress : (this.byUser.get(userId) ?? 0);
  }

  tryAcquire(userId: string): SlotResult {
    const mine = this.byUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) return { acquired: false, reason: 'user' };
    if (this.inProgress >= this.limits.total) return { acquired: false, reason: 'server' };
    this.byUser.set(userId, mine + 1);
    this.inProgress += 1;
    let released = false;
    return {
      acquired: true,
      release: () => {
        // Idempotent, so a second release (a finally after a catch) cannot free someone else's slot.
        if (released) return;
        released = true;
        this.inProgress -= 1;
        const left = (this.byUser.get(userId) ?? 1) - 1;
        if (left > 0) this.byUser.set(userId, left);
        else this.byUser.delete(userId);
      },
    };
  }
}
