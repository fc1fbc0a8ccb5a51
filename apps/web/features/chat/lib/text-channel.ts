import type { TMatchFound } from '@guftagu/contracts';
import type { Socket } from 'socket.io-client';
import { errorMessage } from '@/lib/api';
import { emitWithAck } from '@/lib/socket-emit';
import { type ChatLine, type ChatSnapshot, partnerNameOf } from './session-state';

/** A partner who stops typing without sending is shown as idle after this long. */
const PARTNER_TYPING_TIMEOUT_MS = 6000;

/** What the text channel needs from the session that owns it. */
export interface TextChannelHost {
  socket(): Socket | null;
  snapshot(): ChatSnapshot;
  update(patch: Partial<ChatSnapshot>): void;
}

/** The text chat beside the video: the lines of one match and both sides' typing state. */
export class TextChannel {
  private typingSent = false;
  private partnerTypingTimer: ReturnType<typeof setTimeout> | null = null;
  private lineSeq = 0;

  constructor(private readonly host: TextChannelHost) {}

  async send(text: string): Promise<boolean> {
    const phase = this.host.snapshot().phase;
    const message = text.trim();
    if (phase.name !== 'matched' || !message) return false;
    this.setTyping(false);
    const line = this.addLine({ from: 'me', text: message, at: Date.now(), state: 'sending' });
    try {
      await emitWithAck(this.host.socket(), 'chat_message', {
        to: phase.match.partnerId,
        matchId: phase.match.matchId,
        message,
      });
      this.patchLine(line.id, { state: 'sent' });
      return true;
    } catch (error) {
      this.patchLine(line.id, { state: 'failed', error: errorMessage(error) });
      return false;
    }
  }

  /** Tells the partner we started or stopped typing; repeated calls with the same value send nothing. */
  setTyping(active: boolean): void {
    const phase = this.host.snapshot().phase;
    const socket = this.host.socket();
    if (phase.name !== 'matched' || this.typingSent === active || !socket?.connected) return;
    this.typingSent = active;
    socket.emit(active ? 'chat_typing_start' : 'chat_typing_stop', {
      to: phase.match.partnerId,
      matchId: phase.match.matchId,
    });
  }

  receive(message: string, timestamp: string): void {
    this.setPartnerTyping(false);
    this.addLine({ from: 'partner', text: message, at: Date.parse(timestamp) || Date.now(), state: 'sent' });
  }

  setPartnerTyping(typing: boolean): void {
    if (this.partnerTypingTimer) clearTimeout(this.partnerTypingTimer);
    this.partnerTypingTimer = typing
      ? setTimeout(() => this.host.update({ partnerTyping: false }), PARTNER_TYPING_TIMEOUT_MS)
      : null;
    if (this.host.snapshot().partnerTyping !== typing) this.host.update({ partnerTyping: typing });
  }

  /** A new match: clear the last one's lines and say who we are talking to. */
  open(match: TMatchFound): void {
    this.host.update({ lines: [], partnerTyping: false });
    const common = match.commonInterests.length
      ? ` You both like ${match.commonInterests.map((tag) => `#${tag}`).join(', ')}.`
      : '';
    this.addLine({
      from: 'system',
      text: `You’re now chatting with ${partnerNameOf(match)}. Say hi!${common}`,
      at: Date.now(),
      state: 'sent',
    });
  }

  /** The match ended: a typing flag must not leak into the next one. */
  close(): void {
    this.typingSent = false;
    this.setPartnerTyping(false);
  }

  private addLine(line: Omit<ChatLine, 'id'>): ChatLine {
    this.lineSeq += 1;
    const full = { ...line, id: `line-${this.lineSeq}` };
    this.host.update({ lines: [...this.host.snapshot().lines, full] });
    return full;
  }

  private patchLine(id: string, patch: Partial<ChatLine>): void {
    this.host.update({
      lines: this.host.snapshot().lines.map((line) => (line.id === id ? { ...line, ...patch } : line)),
    });
  }
}
