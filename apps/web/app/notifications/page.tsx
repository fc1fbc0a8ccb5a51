'use client';

import { RequireAuth } from '@/features/auth/components/require-auth';
import { NotificationsPage } from '@/features/notifications/components/notifications-page';

export default function NotificationsRoute() {
  return <RequireAuth>{() => <NotificationsPage />}</RequireAuth>;
}
