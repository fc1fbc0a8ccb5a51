import type { TRelationship } from '@guftagu/contracts';
import type { BadgeTone } from '@/components/ui/badge';

/** The badge a search result or card shows for where you stand with that person. */
export const RELATIONSHIP_BADGE: Partial<Record<TRelationship, { label: string; tone: BadgeTone }>> = {
  self: { label: 'You', tone: 'neutral' },
  friends: { label: 'Friends', tone: 'live' },
  request_sent: { label: 'Request sent', tone: 'brand' },
  request_received: { label: 'Wants to be friends', tone: 'flare' },
  blocked: { label: 'Blocked', tone: 'danger' },
};
