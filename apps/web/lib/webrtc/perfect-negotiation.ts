/**
 * One WebRTC call with the "perfect negotiation" pattern (W3C WebRTC §10.7, MDN "Perfect negotiation"):
 * either side may send an offer at any time; when offers collide (glare) the impolite side ignores the
 * incoming one and the polite side rolls its own back and answers. Both sides therefore run the same code
 * and no offer/answer role needs to be agreed on, which keeps renegotiation (screen share on a camera-less
 * device, ICE restarts) safe in both directions.
 */

export type OutgoingSignal =
  | { kind: 'description'; description: RTCSessionDescriptionInit }
  | { kind: 'candidate'; candidate: RTCIceCandidateInit };

export type IncomingSignal =
  | { kind: 'description'; description: RTCSessionDescriptionInit }
  | { kind: 'candidate'; candidate: RTCIceCandidateInit };

export type PeerState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

export interface PeerOptions {
  /** Exactly one side of a call is polite; the server decides it in `match_found.polite`. */
  polite: boolean;
  iceServers: RTCIceServer[];
  /** "Hide my IP": gather relay candidates only, so the partner never learns a host or reflexive address. */
  relayOnly: boolean;
  localStream: MediaStream | null;
  send: (signal: OutgoingSignal) => void;
  onRemoteStream: (stream: MediaStream) => void;
  onStateChange: (state: PeerState) => void;
  /** Errors that do not end the call (a bad candidate, a failed renegotiation) — for logging. */
  onError?: (error: unknown) => void;
}

const KINDS = ['audio', 'video'] as const;

/**
 * The polite side lets the impolite side make the first offer and only offers itself if none arrived
 * by then. Both sides offering at once is handled (that is the point of the pattern), but Chromium can
 * stall ICE gathering when an implicit rollback lands while its own first offer is still being set, and
 * a glare-free first exchange is one round trip shorter anyway.
 */
const FIRST_OFFER_WAIT_MS = 2000;

export class PerfectNegotiationPeer {
  readonly connection: RTCPeerConnection;
  private readonly options: PeerOptions;
  private readonly remoteStream = new MediaStream();
  private makingOffer = false;
  /** Our own offer while it is being created and set; see `apply`. */
  private offerInFlight: Promise<void> = Promise.resolve();
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private closed = false;
  private awaitingFirstOffer: boolean;
  private readonly firstOfferTimer: ReturnType<typeof setTimeout> | null;
  /** Incoming signals are applied one at a time, in arrival order, so an answer never overtakes its offer. */
  private queue: Promise<void> = Promise.resolve();

  constructor(options: PeerOptions) {
    this.options = options;
    this.awaitingFirstOffer = options.polite;
    this.firstOfferTimer = options.polite
      ? setTimeout(() => {
          if (!this.awaitingFirstOffer) return;
          this.awaitingFirstOffer = false;
          this.offerInFlight = this.negotiate();
        }, FIRST_OFFER_WAIT_MS)
      : null;
    this.connection = new RTCPeerConnection({
      iceServers: options.iceServers,
      iceTransportPolicy: options.relayOnly ? 'relay' : 'all',
      bundlePolicy: 'max-bundle',
    });
    this.connection.onnegotiationneeded = () => {
      // Chromium fires negotiationneeded again once stable if the answer left anything unnegotiated.
      if (!this.awaitingFirstOffer) this.offerInFlight = this.negotiate();
    };
    this.connection.onicecandidate = ({ candidate }) => {
      // A null candidate only marks the end of gathering; the partner does not need it.
      if (candidate) this.options.send({ kind: 'candidate', candidate: candidate.toJSON() });
    };
    this.connection.ontrack = ({ track }) => {
      this.remoteStream.addTrack(track);
      this.options.onRemoteStream(this.remoteStream);
    };
    this.connection.onconnectionstatechange = () => this.reportState();
    this.connection.oniceconnectionstatechange = () => {
      // A path that died (network change, NAT rebinding) is recovered by gathering fresh candidates; the
      // resulting offer goes through the same glare handling as any other.
      if (this.connection.iceConnectionState === 'failed') this.connection.restartIce();
    };
    this.attachLocalTracks(options.localStream);
    // The impolite side offers at once instead of waiting for the negotiationneeded task: that task
    // would queue behind the page's re-render for the new match, and the offer is on the critical path
    // to the first frame. Once an offer is pending, the browser does not fire negotiationneeded again.
    if (!options.polite) this.offerInFlight = this.negotiate();
  }

  /** Applies an offer, answer or candidate from the partner. */
  receive(signal: IncomingSignal): Promise<void> {
    this.queue = this.queue.then(() => this.apply(signal)).catch((error) => this.options.onError?.(error));
    return this.queue;
  }

  /**
   * Sends `track` in place of the current one of its kind: a screen share instead of the camera, or a
   * newly chosen device. `replaceTrack` needs no renegotiation when a sender exists; on a device that had
   * no camera the receive-only transceiver is switched to sending, which fires `negotiationneeded`.
   */
  async replaceTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null, stream: MediaStream | null) {
    if (this.closed) return;
    const transceiver = this.transceiverFor(kind);
    if (!transceiver) {
      if (track) this.connection.addTrack(track, ...(stream ? [stream] : []));
      return;
    }
    await transceiver.sender.replaceTrack(track);
    if (track && stream) transceiver.sender.setStreams?.(stream);
    if (track && transceiver.direction === 'recvonly') transceiver.direction = 'sendrecv';
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.firstOfferTimer) clearTimeout(this.firstOfferTimer);
    this.connection.onnegotiationneeded = null;
    this.connection.onicecandidate = null;
    this.connection.ontrack = null;
    this.connection.onconnectionstatechange = null;
    this.connection.oniceconnectionstatechange = null;
    this.connection.close();
    for (const track of this.remoteStream.getTracks()) track.stop();
    this.options.onStateChange('closed');
  }

  private attachLocalTracks(stream: MediaStream | null): void {
    for (const kind of KINDS) {
      const track = stream?.getTracks().find((candidate) => candidate.kind === kind);
      if (track && stream) {
        // addTrack (not addTransceiver) so the polite side's senders are matched to the m-lines of an
        // incoming offer after a rollback, instead of adding a second set and renegotiating again.
        this.connection.addTrack(track, stream);
      } else {
        // No camera or mic: still receive the partner's media.
        this.connection.addTransceiver(kind, { direction: 'recvonly' });
      }
    }
  }

  private transceiverFor(kind: 'audio' | 'video'): RTCRtpTransceiver | undefined {
    return this.connection
      .getTransceivers()
      .find((transceiver) => transceiver.direction !== 'stopped' && transceiver.receiver.track.kind === kind);
  }

  private async negotiate(): Promise<void> {
    if (this.closed) return;
    try {
      this.makingOffer = true;
      await this.connection.setLocalDescription();
      const description = this.connection.localDescription;
      if (description && !this.closed)
        this.options.send({ kind: 'description', description: description.toJSON() });
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.makingOffer = false;
    }
  }

  private async apply(signal: IncomingSignal): Promise<void> {
    if (this.closed) return;
    if (signal.kind === 'candidate') {
      try {
        await this.connection.addIceCandidate(signal.candidate);
      } catch (error) {
        // Candidates that belonged to an offer we ignored are expected to fail.
        if (!this.ignoreOffer) throw error;
      }
      return;
    }
    const { description } = signal;
    const readyForOffer =
      !this.makingOffer && (this.connection.signalingState === 'stable' || this.settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !this.options.polite && collision;
    if (this.ignoreOffer) return;
    // Polite side of a glare: let our own setLocalDescription finish first, so the implicit rollback
    // starts from a settled have-local-offer state rather than racing an offer that is half applied.
    if (collision) await this.offerInFlight;

    this.settingRemoteAnswer = description.type === 'answer';
    try {
      await this.connection.setRemoteDescription(description);
    } finally {
      this.settingRemoteAnswer = false;
    }
    if (description.type === 'offer') {
      this.awaitingFirstOffer = false;
      await this.connection.setLocalDescription();
      const answer = this.connection.localDescription;
      if (answer && !this.closed) this.options.send({ kind: 'description', description: answer.toJSON() });
    }
  }

  private reportState(): void {
    const state = this.connection.connectionState;
    this.options.onStateChange(state === 'new' ? 'new' : state);
  }
}
