/** Every message the DM bench sent, and what became of it: the exactly-once bookkeeping. */
import { performance } from 'node:perf_hooks';
import type { GuftaguSocket } from '@guftagu/sdk';
import { sleep } from './common.js';
import type { Participant } from './dm-participants.js';

export interface FinalTally {
  target: string;
  drainMs: number;
  sent: number;
  acked: number;
  refused: number;
  received: number;
  /** Acked but never received. */
  lost: number;
  duplicates: number;
  misrouted: number;
  /** Neither acked nor refused when the run ended (still queued in the server). */
  unsettled: number;
}

/** Every message the bench sent, by sequence number. */
export class Ledger {
  sentAt: number[] = [];
  ackedAt: number[] = [];
  receivedAt: number[] = [];
  receipts: number[] = [];
  failed: boolean[] = [];
  misrouted = 0;
  echoes = 0;
  errors: Record<string, number> = {};

  constructor(private readonly participants: Participant[]) {
    participants.forEach((participant, index) => {
      (participant.socket as GuftaguSocket).on('dm_receive', (message) => {
        const now = performance.now();
        const seq = Number(message.message.slice(1));
        if (!Number.isInteger(seq) || this.sentAt[seq] === undefined) return;
        const sender = seq % this.participants.length;
        // The server also sends the message to the sender's own user room (its other tabs).
        if (index === sender) {
          this.echoes += 1;
          return;
        }
        if (this.participants[sender]?.partner !== index) {
          this.misrouted += 1;
          return;
        }
        this.receipts[seq] = (this.receipts[seq] ?? 0) + 1;
        if (this.receipts[seq] === 1) this.receivedAt[seq] = now;
      });
    });
  }

  send(seq: number): void {
    const sender = this.participants[seq % this.participants.length] as Participant;
    const to = this.participants[sender.partner]?.userId ?? '';
    this.sentAt[seq] = performance.now();
    (sender.socket as GuftaguSocket).emit('dm_send', { to, message: `m${seq}`, nonce: `n${seq}` }, (ack) => {
      if (ack.success) {
        this.ackedAt[seq] = performance.now();
        return;
      }
      this.failed[seq] = true;
      this.errors[ack.code] = (this.errors[ack.code] ?? 0) + 1;
    });
  }

  tally(to: number): Omit<FinalTally, 'target' | 'drainMs'> {
    const counts = { sent: to, acked: 0, refused: 0, received: 0, lost: 0, duplicates: 0, unsettled: 0 };
    for (let seq = 0; seq < to; seq++) {
      const acked = this.ackedAt[seq] !== undefined;
      const receipts = this.receipts[seq] ?? 0;
      if (acked) counts.acked += 1;
      if (this.failed[seq]) counts.refused += 1;
      if (receipts > 0) counts.received += 1;
      if (receipts > 1) counts.duplicates += 1;
      if (acked && receipts === 0) counts.lost += 1;
      if (!acked && !this.failed[seq]) counts.unsettled += 1;
    }
    return { ...counts, misrouted: this.misrouted };
  }

  /**
   * Waits until every message of [from, to) is settled — acked and received, or refused — or
   * `limitMs` passed; returns the wait.
   */
  async drain(from: number, to: number, limitMs: number): Promise<number> {
    const started = performance.now();
    let cursor = from;
    const pending = () => {
      while (
        cursor < to &&
        (this.failed[cursor] || (this.ackedAt[cursor] !== undefined && this.receipts[cursor]))
      )
        cursor += 1;
      return cursor < to;
    };
    while (pending() && performance.now() - started < limitMs) await sleep(10);
    return performance.now() - started;
  }
}
