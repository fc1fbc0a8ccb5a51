'use client';

import { useEffect, useState } from 'react';
import type { FriendsView } from '../components/friend-card';

const VIEW_KEY = 'guftagu:friends-view';

/** Grid or list, remembered in this browser. */
export function useFriendsView(): [FriendsView, (view: FriendsView) => void] {
  const [view, setView] = useState<FriendsView>('grid');
  useEffect(() => {
    try {
      const saved = localStorage.getItem(VIEW_KEY);
      if (saved === 'grid' || saved === 'list') setView(saved);
    } catch {
      // Storage may be unavailable; the default view is fine.
    }
  }, []);
  const changeView = (next: FriendsView) => {
    setView(next);
    try {
      localStorage.setItem(VIEW_KEY, next);
    } catch {
      // Not remembered; still switched.
    }
  };
  return [view, changeView];
}
