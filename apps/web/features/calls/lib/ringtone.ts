/**
 * The ringtone and the ringback tone, synthesised with WebAudio (no audio file to download). A
 * browser that has not had a user gesture yet may keep the context suspended: then it stays silent
 * and the modal is the ring.
 */
export function startTone(kind: 'ring' | 'ringback'): () => void {
  const AudioContextClass =
    typeof window === 'undefined'
      ? undefined
      : (window.AudioContext ??
        (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
  if (!AudioContextClass) return () => {};
  let context: AudioContext;
  try {
    context = new AudioContextClass();
  } catch {
    return () => {};
  }
  void context.resume().catch(() => {});
  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  // A two-note chime for an incoming call; the familiar 440+480 Hz burble while calling out.
  const frequencies = kind === 'ring' ? [880, 660] : [440, 480];
  const oscillators = frequencies.map((frequency) => {
    const oscillator = context.createOscillator();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start();
    return oscillator;
  });
  const level = kind === 'ring' ? 0.12 : 0.06;
  const cycle = kind === 'ring' ? 2 : 4;
  const on = kind === 'ring' ? 0.9 : 1.6;
  let next = context.currentTime + 0.05;
  const schedule = () => {
    while (next < context.currentTime + cycle * 2) {
      gain.gain.setValueAtTime(0, next);
      gain.gain.linearRampToValueAtTime(level, next + 0.04);
      gain.gain.setValueAtTime(level, next + on - 0.05);
      gain.gain.linearRampToValueAtTime(0, next + on);
      next += cycle;
    }
  };
  schedule();
  const timer = setInterval(schedule, 1000);
  return () => {
    clearInterval(timer);
    for (const oscillator of oscillators) {
      try {
        oscillator.stop();
      } catch {
        // Already stopped.
      }
    }
    void context.close().catch(() => {});
  };
}
