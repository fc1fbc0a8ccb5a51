'use client';

import { BAN_REASON_MAX, type TMember, type TRole } from '@guftagu/contracts';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { BanIcon, CrownIcon, EllipsisIcon, UserMinusIcon } from 'lucide-react';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DropdownContent, DropdownItem, DropdownSeparator } from '@/components/ui/dropdown';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import type { SelfInServer } from '../access';
import { memberName } from '../components/member-list';
import { useServerActions } from '../hooks/use-server-actions';
import { memberModeration } from '../moderation';

type Pending = 'kick' | 'ban' | 'transfer' | null;

/** A member row's "more" menu: kick, ban with a reason, transfer ownership — each behind a confirm. */
export function MemberModerationMenu({
  serverId,
  serverName,
  member,
  self,
  roles,
}: {
  serverId: string;
  serverName: string;
  member: TMember;
  self: SelfInServer;
  roles: readonly TRole[];
}) {
  const allowed = memberModeration(self, member, roles);
  const actions = useServerActions();
  const { toast } = useToast();
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  if (!allowed.kick && !allowed.ban && !allowed.transfer) return null;
  const name = memberName(member);
  const close = (open: boolean) => {
    if (!open) {
      setPending(null);
      setReason('');
    }
  };
  const run = (title: string, action: () => Promise<unknown>, done: string) => async () => {
    try {
      await action();
      toast({ title: done, tone: 'success' });
    } catch (error) {
      toast({ title, description: errorMessage(error), tone: 'error' });
      throw error;
    }
  };

  return (
    <>
      <Menu.Root modal={false}>
        <Menu.Trigger
          className="inline-flex size-8 items-center justify-center rounded-lg text-fg-muted transition-colors hover:bg-fill-strong hover:text-fg data-[state=open]:bg-fill-strong"
          aria-label={`Actions for ${name}`}
          data-testid="member-actions"
        >
          <EllipsisIcon aria-hidden size={17} />
        </Menu.Trigger>
        <DropdownContent align="end" className="min-w-52" data-testid="member-actions-menu">
          {allowed.transfer ? (
            <DropdownItem
              icon={<CrownIcon aria-hidden size={16} />}
              onSelect={() => setPending('transfer')}
              data-testid="member-transfer"
            >
              Transfer ownership
            </DropdownItem>
          ) : null}
          {allowed.transfer && (allowed.kick || allowed.ban) ? <DropdownSeparator /> : null}
          {allowed.kick ? (
            <DropdownItem
              tone="danger"
              icon={<UserMinusIcon aria-hidden size={16} />}
              onSelect={() => setPending('kick')}
              data-testid="member-kick"
            >
              Kick {name}
            </DropdownItem>
          ) : null}
          {allowed.ban ? (
            <DropdownItem
              tone="danger"
              icon={<BanIcon aria-hidden size={16} />}
              onSelect={() => setPending('ban')}
              data-testid="member-ban"
            >
              Ban {name}
            </DropdownItem>
          ) : null}
        </DropdownContent>
      </Menu.Root>
      <ConfirmDialog
        open={pending === 'transfer'}
        onOpenChange={close}
        tone="primary"
        title={`Transfer ${serverName} to ${name}?`}
        description={`${name} becomes the owner with every permission. You stay a member, and only ${name} can give it back.`}
        confirmLabel="Transfer ownership"
        data-testid="transfer-dialog"
        onConfirm={run(
          'Couldn’t transfer ownership',
          () => actions.transfer(serverId, member.userId),
          `${name} now owns ${serverName}`,
        )}
      />
      <ConfirmDialog
        open={pending === 'kick'}
        onOpenChange={close}
        title={`Kick ${name}?`}
        description="They leave the server now and can rejoin with an invite."
        confirmLabel="Kick"
        data-testid="kick-dialog"
        onConfirm={run('Couldn’t kick', () => actions.kick(serverId, member.userId), `${name} was kicked`)}
      />
      <ConfirmDialog
        open={pending === 'ban'}
        onOpenChange={close}
        title={`Ban ${name}?`}
        description="They leave the server now and can’t rejoin, even with an invite, until the ban is lifted."
        confirmLabel="Ban"
        data-testid="ban-dialog"
        onConfirm={run(
          'Couldn’t ban',
          () => actions.ban(serverId, member.userId, reason.trim() ? { reason: reason.trim() } : {}),
          `${name} was banned`,
        )}
      >
        <Textarea
          label="Reason (optional)"
          hint="Kept in the server’s ban list."
          value={reason}
          maxLength={BAN_REASON_MAX}
          rows={3}
          onChange={(event) => setReason(event.target.value)}
          data-testid="ban-reason"
        />
      </ConfirmDialog>
    </>
  );
}
