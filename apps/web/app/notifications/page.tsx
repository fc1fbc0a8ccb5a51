'use client';

import { NotificationsPage } from '@/features/notifications/components/notifications-page';
import { RequireAuth } from '@/features/auth/components/require-auth';

export default function NotificationsRoute() {
  return <RequireAuth>{() => <NotificationsPage />}</RequireAuth>;
}
