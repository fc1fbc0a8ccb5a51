import { type TMatchFound, type TReportReason, ZQueueState, ZReportAck } from '@guftagu/contracts';
import type { Socket } from 'socket.io-client';
import { errorMessage, isApiError } from '@/lib/api';
import { listen } from '@/lib/socket/socket-context';
import { emitWithAck } from '@/lib/socket-emit';
import type { OutgoingSignal } from '@/lib/webrtc/perfect-negotiation';
import { CALL_MARKS, type ChatCall, createChatCall } from './chat-call';
import {
  type ChatPhase,
  type ChatSnapshot,
  INITIAL_SNAPSHOT,
  type Notice,
  partnerNameOf,
} from './session-state';
import { phaseAfterMatchEnded, searchingPhase, unavailablePhase } from './session-transitions';
import { TextChannel } from './text-channel';

/**
 * The random-chat session of one page: queue → match → call → next, driven by the server's events.
 * It creates the match's ChatCall (peer connection) synchronously, so signals arriving in the same tick
 * as `match_found` always find it (React state would not exist yet). Phase changes come from events,
 * never from acks alone, because the next `match_found` may arrive before the ack of the
 * `skip_partner` that caused it.
 */
export class ChatSession {
  private snapshot: ChatSnapshot = INITIAL_SNAPSHOT;
  private readonly listeners = new Set<() => void>();
  private socket: Socket | null = null;
  private detach: (() => void) | null = null;
  private call: ChatCall | null = null;
  private localStream: MediaStream | null = null;
  private interests: string[] = [];
  private hideIp = false;
  private resumeToken: string | null = null;
  private readonly text = new TextChannel({
    socket: () => this.socket,
    snapshot: () => this.snapshot,
    update: (patch) => this.update(patch),
  });
  /** The match this page reported, to tell the reporter's `match_ended` from the reported side's. */
  private reportedMatchId: string | null = null;
  private skippingMatchId: string | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ChatSnapshot => this.snapshot;

  attach(socket: Socket | null): void {
    this.detach?.();
    this.socket = socket;
    if (!socket) return;
    this.update({ socketConnected: socket.connected });
    const onConnect = () => this.onSocketConnect();
    const onDisconnect = () => {
      this.update({ socketConnected: false });
      if (this.snapshot.phase.name === 'matched' || this.snapshot.phase.name === 'searching')
        this.notify({ tone: 'warning', text: 'Connection lost. Reconnecting…' });
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    const offs = [
      listen(socket, 'queue_position', (event) => {
        const { phase } = this.snapshot;
        if (phase.name === 'searching')
          this.setPhase({
            ...phase,
            position: event.position,
            totalWaiting: event.totalWaiting,
            estimatedWait: event.estimatedWait,
          });
      }),
      listen(socket, 'queue_timeout', ({ waitTime }) => {
        if (this.snapshot.phase.name === 'searching') this.setPhase({ name: 'timed_out', waitTime });
      }),
      listen(socket, 'matchmaking_unavailable', ({ reason, message }) => {
        if (this.snapshot.phase.name === 'searching') this.setPhase({ name: 'unavailable', reason, message });
      }),
      listen(socket, 'match_found', (match) => this.onMatchFound(match)),
      listen(socket, 'match_resumed', (match) => this.onMatchResumed(match)),
      listen(socket, 'match_ended', (event) => {
        const phase = this.snapshot.phase;
        if (phase.name !== 'matched' || phase.match.matchId !== event.matchId) return;
        const { phase: next, notice } = phaseAfterMatchEnded(phase, event, this.reportedMatchId);
        this.teardownCall();
        this.setPhase(next);
        if (notice) this.notify(notice);
      }),
      listen(socket, 'partner_disconnected', ({ matchId, gracePeriodMs }) => {
        const phase = this.currentMatch(matchId);
        if (!phase) return;
        this.setPhase({ ...phase, partnerAwayUntil: Date.now() + gracePeriodMs });
        this.notify({
          tone: 'warning',
          text: `${partnerNameOf(phase.match)} lost connection. Waiting for them…`,
        });
      }),
      listen(socket, 'partner_reconnected', ({ matchId, partnerId }) => {
        const phase = this.currentMatch(matchId);
        if (!phase) return;
        this.setPhase({ ...phase, match: { ...phase.match, partnerId }, partnerAwayUntil: null });
        this.notify(null);
      }),
      listen(socket, 'webrtc_offer', ({ matchId, offer }) => {
        if (this.currentMatch(matchId)) this.call?.receive({ kind: 'description', description: offer });
      }),
      listen(socket, 'webrtc_answer', ({ matchId, answer }) => {
        if (this.currentMatch(matchId)) this.call?.receive({ kind: 'description', description: answer });
      }),
      listen(socket, 'webrtc_ice_candidate', ({ matchId, candidate }) => {
        if (this.currentMatch(matchId)) this.call?.receive({ kind: 'candidate', candidate });
      }),
      listen(socket, 'chat_message', ({ matchId, message, timestamp }) => {
        if (this.currentMatch(matchId)) this.text.receive(message, timestamp);
      }),
      listen(socket, 'chat_typing_start', ({ matchId }) => {
        if (this.currentMatch(matchId)) this.text.setPartnerTyping(true);
      }),
      listen(socket, 'chat_typing_stop', ({ matchId }) => {
        if (this.currentMatch(matchId)) this.text.setPartnerTyping(false);
      }),
    ];
    this.detach = () => {
      for (const off of offs) off();
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      this.detach = null;
    };
  }

  /** The camera/mic the page acquired (or a newly chosen device); swapped into a running call. */
  setLocalStream(stream: MediaStream | null): void {
    this.localStream = stream;
    this.call?.setLocalStream(stream);
  }

  setHideIp(hideIp: boolean): void {
    this.hideIp = hideIp;
  }

  /** Start (or after an ended chat, restart) looking for a partner. */
  async start(interests: string[]): Promise<void> {
    this.interests = interests;
    this.notify(null);
    this.setPhase(searchingPhase());
    await this.joinQueue();
  }

  /** Next: skip the current partner (the server re-queues us), or search again from an ended state. */
  async next(): Promise<void> {
    const phase = this.snapshot.phase;
    if (phase.name !== 'matched') {
      if (phase.name !== 'searching') await this.start(this.interests);
      return;
    }
    const { matchId } = phase.match;
    // A double press (button, or N held on a slow link) must not skip the next partner unseen.
    if (this.skippingMatchId === matchId) return;
    this.skippingMatchId = matchId;
    try {
      const ack = ZQueueState.safeParse(await emitWithAck(this.socket, 'skip_partner', { matchId }));
      // match_ended normally gets here first; this covers an ack that overtakes it.
      const now = this.snapshot.phase;
      if (ack.success && now.name === 'matched' && now.match.matchId === matchId) {
        this.teardownCall();
        this.setPhase(searchingPhase());
      }
    } catch (error) {
      this.notify({ tone: 'warning', text: errorMessage(error) });
    } finally {
      this.skippingMatchId = null;
    }
  }

  /** Stop: end the chat or leave the queue, and go back to the start screen. */
  async stop(): Promise<void> {
    const phase = this.snapshot.phase;
    this.notify(null);
    if (phase.name === 'matched') {
      this.teardownCall();
      this.setPhase({ name: 'idle' });
      await emitWithAck(this.socket, 'end_chat', { matchId: phase.match.matchId }).catch(() => undefined);
    } else if (phase.name === 'searching') {
      this.setPhase({ name: 'idle' });
      await emitWithAck(this.socket, 'leave_queue', {}).catch(() => undefined);
    } else {
      this.setPhase({ name: 'idle' });
    }
  }

  sendMessage(text: string): Promise<boolean> {
    return this.text.send(text);
  }

  /** Tells the partner we started or stopped typing; repeated calls with the same value send nothing. */
  setTyping(active: boolean): void {
    this.text.setTyping(active);
  }

  async report(reason: TReportReason, description: string): Promise<void> {
    const phase = this.snapshot.phase;
    if (phase.name !== 'matched') throw new Error('The chat already ended, so there is nobody to report.');
    this.reportedMatchId = phase.match.matchId;
    const ack = await emitWithAck(this.socket, 'report_partner', {
      reason,
      description,
      matchId: phase.match.matchId,
    });
    ZReportAck.parse(ack);
  }

  async toggleScreenShare(): Promise<void> {
    await this.call?.toggleScreenShare();
  }

  /** Leaving the page: free the partner at once instead of making them wait for a grace period. */
  dispose(): void {
    const phase = this.snapshot.phase;
    if (phase.name === 'matched') this.socket?.emit('end_chat', { matchId: phase.match.matchId });
    if (phase.name === 'searching') this.socket?.emit('leave_queue', {});
    this.teardownCall();
    this.detach?.();
    this.snapshot = { ...INITIAL_SNAPSHOT };
  }

  // ---------------------------------------------------------------------------------------------------

  private async joinQueue(): Promise<void> {
    try {
      await emitWithAck(
        this.socket,
        'join_queue',
        this.interests.length ? { interests: this.interests } : {},
      );
    } catch (error) {
      if (this.snapshot.phase.name !== 'searching') return;
      // A retried join after a reconnect may find us still queued; that is success.
      if (isApiError(error) && error.code === 'CONFLICT') return;
      this.setPhase(unavailablePhase(error));
    }
  }

  private onMatchFound(match: TMatchFound): void {
    performance.mark(CALL_MARKS.matchFound, { detail: match.matchId });
    const phase = this.snapshot.phase;
    if (phase.name !== 'searching') {
      // We stopped while the server was pairing us: end that match rather than leave a partner waiting.
      if (phase.name !== 'matched')
        void emitWithAck(this.socket, 'end_chat', { matchId: match.matchId }).catch(() => undefined);
      return;
    }
    this.resumeToken = match.resumeToken;
    this.update({ notice: null, quality: null });
    this.setPhase({ name: 'matched', match, since: Date.now(), partnerAwayUntil: null });
    this.text.open(match);
    this.createCall(match);
  }

  private onMatchResumed(match: TMatchFound): void {
    const phase = this.snapshot.phase;
    if (phase.name !== 'matched' || phase.match.matchId !== match.matchId) return;
    this.resumeToken = match.resumeToken;
    this.setPhase({ ...phase, match, partnerAwayUntil: null });
    this.notify(null);
    // Media flows browser to browser, so a call usually survives a signaling reconnect untouched.
    if (!this.call || this.call.state === 'closed') this.createCall(match);
  }

  private onSocketConnect(): void {
    this.update({ socketConnected: true });
    const phase = this.snapshot.phase;
    if (phase.name === 'searching') {
      this.notify(null);
      void this.joinQueue();
    } else if (phase.name === 'matched' && this.resumeToken) {
      const { matchId } = phase.match;
      emitWithAck(this.socket, 'resume_match', { resumeToken: this.resumeToken }).then(
        () => this.notify(null),
        () => {
          const now = this.currentMatch(matchId);
          if (!now) return;
          this.teardownCall();
          this.setPhase({ name: 'ended', endReason: 'network', partnerName: partnerNameOf(now.match) });
        },
      );
    }
  }

  private createCall(match: TMatchFound): void {
    this.call?.close();
    const { matchId } = match;
    const call = createChatCall(
      match,
      { localStream: this.localStream, relayOnly: this.hideIp && match.relayAvailable },
      {
        send: (signal) => this.sendSignal(matchId, signal),
        reportQuality: (report) => {
          if (this.currentMatch(matchId)) this.socket?.emit('connection_quality', { ...report, matchId });
        },
        onChange: (patch) => {
          if (this.call === call) this.update(patch);
        },
      },
    );
    this.call = call;
    this.update({ peerState: 'connecting', remoteStream: null, screenStream: null, quality: null });
  }

  private sendSignal(matchId: string, signal: OutgoingSignal): void {
    const phase = this.currentMatch(matchId);
    if (!phase || !this.socket?.connected) return;
    const to = phase.match.partnerId;
    if (signal.kind === 'candidate') {
      this.socket.emit('webrtc_ice_candidate', { to, matchId, candidate: signal.candidate });
    } else if (signal.description.type === 'offer') {
      this.socket.emit('webrtc_offer', {
        to,
        matchId,
        offer: { type: 'offer', sdp: signal.description.sdp },
      });
    } else if (signal.description.type === 'answer') {
      this.socket.emit('webrtc_answer', {
        to,
        matchId,
        answer: { type: 'answer', sdp: signal.description.sdp },
      });
    }
  }

  private teardownCall(): void {
    this.call?.close();
    this.call = null;
    this.resumeToken = null;
    this.text.close();
    this.update({ remoteStream: null, screenStream: null, peerState: 'closed', quality: null });
  }

  private currentMatch(matchId: string): Extract<ChatPhase, { name: 'matched' }> | null {
    const phase = this.snapshot.phase;
    return phase.name === 'matched' && phase.match.matchId === matchId ? phase : null;
  }

  private setPhase(phase: ChatPhase): void {
    const from = this.snapshot.phase.name;
    // A new search (after Next, a skip or Stop) must not show the previous partner's messages; an ended
    // chat keeps them so the last words can still be read.
    if ((phase.name === 'searching' || phase.name === 'idle') && from !== phase.name) {
      this.update({ phase, lines: [], partnerTyping: false });
      return;
    }
    this.update({ phase });
  }

  private notify(notice: Notice | null): void {
    this.update({ notice });
  }

  private update(patch: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
