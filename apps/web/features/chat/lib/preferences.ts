/**
 * Choices on the /chat start screen that should survive a reload: the 18+ confirmation (asked once per
 * browser, as the issue requires), "hide my IP" and the last interests. Storage can be unavailable
 * (private mode, disabled cookies), so every access tolerates failure and falls back to defaults.
 */

const KEY = 'guftagu.chat.preferences.v1';

export interface ChatPreferences {
  adultConfirmed: boolean;
  hideIp: boolean;
  interests: string[];
}

export const DEFAULT_PREFERENCES: ChatPreferences = { adultConfirmed: false, hideIp: false, interests: [] };

export function loadPreferences(): ChatPreferences {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return DEFAULT_PREFERENCES;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return DEFAULT_PREFERENCES;
    const record = parsed as Record<string, unknown>;
    return {
      adultConfirmed: record.adultConfirmed === true,
      hideIp: record.hideIp === true,
      interests: Array.isArray(record.interests)
        ? record.interests.filter((tag): tag is string => typeof tag === 'string').slice(0, 10)
        : [],
    };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function savePreferences(preferences: ChatPreferences): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(preferences));
  } catch {
    // Not persisting only means the person is asked again next time.
  }
}
