'use client';

import { formatUserId } from '@guftagu/contracts';
import {
  BellIcon,
  ChevronDownIcon,
  CircleHelpIcon,
  HashIcon,
  LogOutIcon,
  PencilIcon,
  UserIcon,
  UsersIcon,
} from 'lucide-react';
import { useRouter } from 'next/navigation';
import {
  Dropdown,
  DropdownContent,
  DropdownItem,
  DropdownLabel,
  DropdownRadioGroup,
  DropdownRadioItem,
  DropdownSeparator,
  DropdownTrigger,
} from '@/components/ui/dropdown';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { PresenceAvatar, STATUS_META, StatusDot } from '@/features/friends/components/presence';
import { SELF_STATUSES, type SelfStatus, useUpdateStatus } from '@/features/profile/components/status-picker';
import { errorMessage } from '@/lib/api';
import { nameOf } from '@/lib/utils';

export function UserMenu() {
  const { user, logout } = useAuth();
  const { toast } = useToast();
  const router = useRouter();
  const updateStatus = useUpdateStatus();
  if (!user) return null;
  // The same name (so the same initials) the profile and the onboarding preview show.
  const name = nameOf(user);

  const onLogout = async () => {
    await logout();
    toast({ title: 'Signed out', description: 'See you soon.' });
    router.push('/');
  };

  const onStatus = async (status: SelfStatus) => {
    if (status === user.status) return;
    try {
      await updateStatus(status, user.customStatus);
      toast({
        title: `You’re now ${STATUS_META[status].label.toLowerCase()}`,
        tone: 'success',
        duration: 2500,
      });
    } catch (error) {
      toast({ title: 'Couldn’t update your status', description: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <Dropdown>
      <DropdownTrigger
        className="group inline-flex items-center gap-1.5 rounded-full p-0.5 pr-1.5 transition-colors hover:bg-fill data-[state=open]:bg-fill-strong"
        aria-label={`Account menu for ${name} (${STATUS_META[user.status].label})`}
        data-testid="user-menu"
      >
        <PresenceAvatar name={name} src={user.profilePicture} size={32} status={user.status} />
        <ChevronDownIcon
          size={14}
          className="text-fg-subtle transition-transform duration-200 group-data-[state=open]:rotate-180"
        />
      </DropdownTrigger>
      <DropdownContent className="w-64">
        <DropdownLabel>
          <div className="flex items-center gap-3">
            <PresenceAvatar name={name} src={user.profilePicture} size={40} status={user.status} />
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-fg">{name}</p>
              <p className="truncate text-xs text-fg-subtle">
                {user.username ? `@${user.username}` : user.email}
              </p>
            </div>
          </div>
          <p className="mt-3 inline-flex items-center gap-1.5 rounded-lg bg-fill-subtle px-2 py-1 font-mono text-xs text-fg-muted">
            <HashIcon size={12} /> {formatUserId(user.userId7Digit)}
          </p>
          {user.customStatus ? (
            <p className="mt-2 truncate text-xs text-fg-muted" title={user.customStatus}>
              “{user.customStatus}”
            </p>
          ) : null}
        </DropdownLabel>
        <DropdownSeparator />
        <DropdownLabel className="pt-1 pb-1 text-micro font-semibold tracking-[0.08em] text-fg-faint uppercase">
          Status
        </DropdownLabel>
        <DropdownRadioGroup value={user.status} onValueChange={(value) => void onStatus(value as SelfStatus)}>
          {SELF_STATUSES.map((option) => (
            <DropdownRadioItem
              key={option.value}
              value={option.value}
              data-testid={`menu-status-${option.value}`}
            >
              <StatusDot status={option.value} size={8} />
              {STATUS_META[option.value].label}
            </DropdownRadioItem>
          ))}
        </DropdownRadioGroup>
        <DropdownItem
          icon={<PencilIcon size={16} />}
          onSelect={() => router.push('/profile/edit#status-title')}
        >
          Set a custom status
        </DropdownItem>
        <DropdownSeparator />
        <DropdownItem icon={<UserIcon size={16} />} onSelect={() => router.push('/profile')}>
          Your profile
        </DropdownItem>
        <DropdownItem icon={<UsersIcon size={16} />} onSelect={() => router.push('/friends')}>
          Friends
        </DropdownItem>
        <DropdownItem icon={<BellIcon size={16} />} onSelect={() => router.push('/notifications')}>
          Notifications
        </DropdownItem>
        <DropdownItem icon={<CircleHelpIcon size={16} />} onSelect={() => router.push('/help')}>
          Help center
        </DropdownItem>
        <DropdownSeparator />
        <DropdownItem
          tone="danger"
          icon={<LogOutIcon size={16} />}
          onSelect={() => void onLogout()}
          data-testid="menu-logout"
        >
          Log out
        </DropdownItem>
      </DropdownContent>
    </Dropdown>
  );
}
