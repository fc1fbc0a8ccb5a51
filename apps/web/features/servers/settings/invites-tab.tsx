'use client';

import type { TInvite } from '@guftagu/contracts';
import { LinkIcon, TrashIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { CopyField } from '../components/copy-field';
import { describeInvite } from '../components/invite-dialog';
import {
  EXPIRY_OPTIONS,
  type ExpiryValue,
  MAX_USES_OPTIONS,
  type MaxUsesValue,
} from '../components/invite-options';
import { useServerActions } from '../hooks/use-server-actions';
import { useInvites } from '../hooks/use-servers';
import { inviteLink } from '../invite-code';
import type { ServerDetail } from '../queries';
import { SectionHeading } from './server-settings';

/** Every active invite, a form for a new one, and revoking. */
export function InvitesTab({ detail, canRevoke }: { detail: ServerDetail; canRevoke: boolean }) {
  const serverId = detail.server.id;
  const { data, isPending, error, refetch } = useInvites(serverId, true);
  const actions = useServerActions();
  const { toast } = useToast();
  const [origin, setOrigin] = useState('');
  const [expiry, setExpiry] = useState<ExpiryValue>('86400');
  const [maxUses, setMaxUses] = useState<MaxUsesValue>('0');
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);

  const create = async () => {
    setBusy(true);
    try {
      await actions.createInvite(serverId, { maxAgeSeconds: Number(expiry), maxUses: Number(maxUses) });
      toast({ title: 'Invite created', tone: 'success' });
    } catch (failure) {
      toast({ title: 'Couldn’t create the invite', description: errorMessage(failure), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (invite: TInvite) => {
    setRevoking(invite.code);
    try {
      await actions.revokeInvite(serverId, invite.code);
    } catch (failure) {
      toast({ title: 'Couldn’t revoke the invite', description: errorMessage(failure), tone: 'error' });
    } finally {
      setRevoking(null);
    }
  };

  return (
    <div data-testid="settings-invites">
      <SectionHeading title="Invites">
        Links that let people join. Limit how long they work and how often.
      </SectionHeading>
      <div className="mb-8 rounded-2xl border border-line bg-fill-subtle p-4">
        <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <Select
            label="Expire after"
            options={[...EXPIRY_OPTIONS]}
            value={expiry}
            onValueChange={setExpiry}
          />
          <Select
            label="Max number of uses"
            options={[...MAX_USES_OPTIONS]}
            value={maxUses}
            onValueChange={setMaxUses}
          />
          <Button className="h-12" loading={busy} onClick={create} data-testid="settings-invite-create">
            Create invite
          </Button>
        </div>
      </div>
      {origin && detail.server.inviteCode ? (
        <div className="mb-8">
          <p className="mb-2 text-[13px] font-medium text-fg-soft">The server’s own link (never expires)</p>
          <CopyField value={inviteLink(detail.server.inviteCode, origin)} label="Server invite link" />
        </div>
      ) : null}
      {isPending ? (
        <div className="flex flex-col gap-2">
          <Skeleton className="h-16 w-full rounded-xl" />
          <Skeleton className="h-16 w-full rounded-xl" />
        </div>
      ) : error ? (
        <EmptyState
          tone="warning"
          icon={<LinkIcon aria-hidden size={22} />}
          title="Invites didn’t load"
          actions={<Button onClick={() => void refetch()}>Try again</Button>}
        >
          {errorMessage(error)}
        </EmptyState>
      ) : (data?.invites.length ?? 0) === 0 ? (
        <EmptyState icon={<LinkIcon aria-hidden size={22} />} title="No extra invites">
          Create one above to share a link that expires or has limited uses.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="invite-list">
          {data?.invites.map((invite) => (
            <li
              key={invite.code}
              className="flex flex-wrap items-center gap-3 rounded-xl border border-line bg-surface/60 p-3"
              data-testid="invite-row"
            >
              <div className="min-w-0 flex-1">
                <p className="truncate font-mono text-[14px] text-fg">
                  {origin ? inviteLink(invite.code, origin) : invite.code}
                </p>
                <p className="text-[12px] text-fg-subtle">{describeInvite(invite)}</p>
              </div>
              <Button
                size="sm"
                variant="secondary"
                onClick={() =>
                  void navigator.clipboard
                    ?.writeText(inviteLink(invite.code, origin))
                    .then(() => toast({ title: 'Link copied', tone: 'success' }))
                }
              >
                Copy
              </Button>
              {canRevoke ? (
                <Button
                  size="sm"
                  variant="danger"
                  loading={revoking === invite.code}
                  onClick={() => void revoke(invite)}
                  aria-label={`Revoke invite ${invite.code}`}
                  data-testid="invite-revoke"
                >
                  <TrashIcon aria-hidden size={14} /> Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
