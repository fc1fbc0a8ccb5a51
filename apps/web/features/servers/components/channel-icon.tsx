import type { TChannelType } from '@guftagu/contracts';
import { HashIcon, LockIcon, MegaphoneIcon, Volume2Icon } from 'lucide-react';
import { cn } from '@/lib/utils';

const ICONS = {
  text: HashIcon,
  announcement: MegaphoneIcon,
  voice: Volume2Icon,
  category: HashIcon,
} as const;

export const CHANNEL_TYPE_LABEL: Record<TChannelType, string> = {
  text: 'Text channel',
  announcement: 'Announcement channel',
  voice: 'Voice channel',
  category: 'Category',
};

/** A channel's type glyph, with a small lock when `@everyone` cannot see it. */
export function ChannelIcon({
  type,
  locked = false,
  size = 18,
  className,
}: {
  type: TChannelType;
  locked?: boolean;
  size?: number;
  className?: string;
}) {
  const Icon = ICONS[type];
  return (
    <span aria-hidden className={cn('relative inline-flex shrink-0', className)}>
      <Icon size={size} />
      {locked ? (
        <span className="absolute -right-1 -bottom-0.5 inline-flex rounded-full bg-inherit">
          <LockIcon size={Math.round(size * 0.55)} strokeWidth={2.5} />
        </span>
      ) : null}
    </span>
  );
}
