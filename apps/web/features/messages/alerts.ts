'use client';

/**
 * Incoming-message alerts: a short chime synthesised with WebAudio (no audio asset to ship or fetch) and
 * a desktop notification when the person granted permission. The sound preference lives in
 * localStorage so it survives reloads and applies to every tab.
 */

const SOUND_KEY = 'guftagu:dm-sound';

export function isSoundEnabled(): boolean {
  if (typeof window === 'undefined') return false;
  return window.localStorage.getItem(SOUND_KEY) !== 'off';
}

export function setSoundEnabled(enabled: boolean): void {
  window.localStorage.setItem(SOUND_KEY, enabled ? 'on' : 'off');
}

let audioContext: AudioContext | null = null;

/** Two soft sine notes a fifth apart. Browsers block audio before the first user gesture; that is fine. */
export function playMessageChime(): void {
  if (typeof window === 'undefined' || !('AudioContext' in window)) return;
  try {
    audioContext ??= new AudioContext();
    const context = audioContext;
    if (context.state === 'suspended') void context.resume().catch(() => {});
    const start = context.currentTime + 0.01;
    for (const [offset, frequency] of [
      [0, 880],
      [0.11, 1318.5],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.16, start + offset + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.32);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.34);
    }
  } catch {
    // Audio is a nicety; a browser that refuses it must not break message delivery.
  }
}

export type DesktopPermission = NotificationPermission | 'unsupported';

export function desktopPermission(): DesktopPermission {
  if (typeof window === 'undefined' || !('Notification' in window)) return 'unsupported';
  return Notification.permission;
}

export async function requestDesktopPermission(): Promise<DesktopPermission> {
  if (desktopPermission() === 'unsupported') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return desktopPermission();
  }
}

/**
 * Shows a desktop notification for a message, only when permission was granted and the page is not
 * what the person is looking at. `tag` collapses several messages from one person into one popup.
 */
export function showDesktopNotification(options: {
  title: string;
  body: string;
  icon?: string | null;
  tag: string;
  onClick: () => void;
}): void {
  if (desktopPermission() !== 'granted' || document.visibilityState === 'visible') return;
  try {
    const notification = new Notification(options.title, {
      body: options.body,
      tag: options.tag,
      ...(options.icon ? { icon: options.icon } : {}),
    });
    notification.onclick = () => {
      window.focus();
      options.onClick();
      notification.close();
    };
  } catch {
    // Some platforms only allow notifications from a service worker; skip rather than throw.
  }
}
