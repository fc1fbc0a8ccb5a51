'use client';

import { NotificationsPage } from '@/components/notifications/NotificationsPage';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function NotificationsRoute() {
  return <RequireAuth>{() => <NotificationsPage />}</RequireAuth>;
}
