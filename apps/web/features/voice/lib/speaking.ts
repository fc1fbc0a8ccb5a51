/**
 * Speaking detection: one analyser per stream, sampled a few times a second. A level above the
 * threshold marks the user as speaking; the set is reported only when it changes.
 */
const THRESHOLD = 0.02;
const SAMPLE_MS = 200;

export class SpeakingMonitor {
  private context: AudioContext | null = null;
  private readonly sources = new Map<string, { analyser: AnalyserNode; node: MediaStreamAudioSourceNode }>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private last = '';

  constructor(private readonly onChange: (speaking: string[]) => void) {}

  track(userId: string, stream: MediaStream | null): void {
    this.untrack(userId);
    if (!stream || stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return;
    this.context ??= new AudioContext();
    const node = this.context.createMediaStreamSource(stream);
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 512;
    node.connect(analyser);
    this.sources.set(userId, { analyser, node });
    this.timer ??= setInterval(() => this.sample(), SAMPLE_MS);
  }

  untrack(userId: string): void {
    const source = this.sources.get(userId);
    if (!source) return;
    source.node.disconnect();
    this.sources.delete(userId);
  }

  private sample(): void {
    const speaking: string[] = [];
    const buffer = new Float32Array(512);
    for (const [userId, { analyser }] of this.sources) {
      analyser.getFloatTimeDomainData(buffer);
      let sum = 0;
      for (const value of buffer) sum += value * value;
      if (Math.sqrt(sum / buffer.length) > THRESHOLD) speaking.push(userId);
    }
    const key = speaking.sort().join(',');
    if (key === this.last) return;
    this.last = key;
    this.onChange(speaking);
  }

  close(): void {
    for (const userId of [...this.sources.keys()]) this.untrack(userId);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.context?.close().catch(() => {});
    this.context = null;
    this.last = '';
  }
}
