'use client';

import { formatUserId } from '@guftagu/contracts';
import { useRouter } from 'next/navigation';
import { Avatar } from '@/components/ui/Avatar';
import {
  Dropdown,
  DropdownContent,
  DropdownItem,
  DropdownLabel,
  DropdownSeparator,
  DropdownTrigger,
} from '@/components/ui/Dropdown';
import { ChevronDownIcon, HashIcon, HelpIcon, LogOutIcon, UserIcon } from '@/components/ui/Icons';
import { useToast } from '@/components/ui/Toast';
import { useAuth } from '@/contexts/AuthContext';

export function UserMenu() {
  const { user, logout } = useAuth();
  const { toast } = useToast();
  const router = useRouter();
  if (!user) return null;
  const name = user.displayName || user.username || user.email;

  const onLogout = async () => {
    await logout();
    toast({ title: 'Signed out', description: 'See you soon.' });
    router.push('/');
  };

  return (
    <Dropdown>
      <DropdownTrigger
        className="group inline-flex items-center gap-1.5 rounded-full p-0.5 pr-1.5 transition-colors hover:bg-white/[0.06] data-[state=open]:bg-white/[0.08]"
        aria-label={`Account menu for ${name}`}
        data-testid="user-menu"
      >
        <Avatar name={name} src={user.profilePicture} size={32} />
        <ChevronDownIcon
          size={14}
          className="text-ink-400 transition-transform duration-200 group-data-[state=open]:rotate-180"
        />
      </DropdownTrigger>
      <DropdownContent>
        <DropdownLabel>
          <div className="flex items-center gap-3">
            <Avatar name={name} src={user.profilePicture} size={40} />
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-ink-50">{name}</p>
              <p className="truncate text-xs text-ink-400">
                {user.username ? `@${user.username}` : user.email}
              </p>
            </div>
          </div>
          <p className="mt-3 inline-flex items-center gap-1.5 rounded-lg bg-white/[0.04] px-2 py-1 font-mono text-xs text-ink-300">
            <HashIcon size={12} /> {formatUserId(user.userId7Digit)}
          </p>
        </DropdownLabel>
        <DropdownSeparator />
        <DropdownItem icon={<UserIcon size={16} />} onSelect={() => router.push('/profile')}>
          Your profile
        </DropdownItem>
        <DropdownItem icon={<HelpIcon size={16} />} onSelect={() => router.push('/help')}>
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
