'use client';

import { useEffect, useState } from 'react';
import {
  type ChatPreferences,
  DEFAULT_PREFERENCES,
  loadPreferences,
  savePreferences,
} from '../lib/preferences';

/** Interests and "hide my IP", remembered in this browser. Loaded after mount so SSR markup matches. */
export function useChatPreferences(): [ChatPreferences, (next: ChatPreferences) => void] {
  const [preferences, setPreferences] = useState<ChatPreferences>(DEFAULT_PREFERENCES);
  useEffect(() => setPreferences(loadPreferences()), []);
  const update = (next: ChatPreferences) => {
    setPreferences(next);
    savePreferences(next);
  };
  return [preferences, update];
}
