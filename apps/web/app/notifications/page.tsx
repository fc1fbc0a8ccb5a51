'use client';

import { RequireAuth } from '@/components/auth/RequireAuth';
import { NotificationsPage } from '@/components/notifications/NotificationsPage';

export default function NotificationsRoute() {
  return <RequireAuth>{() => <NotificationsPage />}</RequireAuth>;
}
