'use client';

import type { TInvite } from '@guftagu/contracts';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { useServerActions } from '../hooks/use-server-actions';
import { useServerDetail } from '../hooks/use-servers';
import { inviteLink } from '../invite-code';
import { CopyField } from './copy-field';
import { EXPIRY_OPTIONS, type ExpiryValue, MAX_USES_OPTIONS, type MaxUsesValue } from './invite-options';

export function describeInvite(invite: Pick<TInvite, 'expiresAt' | 'maxUses' | 'uses'>): string {
  const parts = [
    invite.expiresAt ? `Expires ${new Date(invite.expiresAt).toLocaleString()}` : 'Never expires',
    invite.maxUses ? `${invite.uses} of ${invite.maxUses} uses` : `${invite.uses} uses`,
  ];
  return parts.join(' · ');
}

/** "Invite people": the server's link to copy, or a new one with its own expiry and use limit. */
export function InviteDialog({
  serverId,
  open,
  onOpenChange,
}: {
  serverId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { data: detail } = useServerDetail(serverId);
  const actions = useServerActions();
  const { toast } = useToast();
  const [origin, setOrigin] = useState('');
  const [created, setCreated] = useState<TInvite | null>(null);
  const [expiry, setExpiry] = useState<ExpiryValue>('604800');
  const [maxUses, setMaxUses] = useState<MaxUsesValue>('0');
  const [busy, setBusy] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);

  const code = created?.code ?? detail?.server.inviteCode ?? '';
  const create = async () => {
    setBusy(true);
    try {
      const invite = await actions.createInvite(serverId, {
        maxAgeSeconds: Number(expiry),
        maxUses: Number(maxUses),
      });
      setCreated(invite);
    } catch (error) {
      toast({ title: 'Couldn’t create the invite', description: errorMessage(error), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={`Invite friends to ${detail?.server.name ?? 'this server'}`}
      description="Anyone with this link can join and see its public channels."
    >
      <div className="flex flex-col gap-5" data-testid="invite-dialog">
        {code && origin ? (
          <div className="flex flex-col gap-2">
            <CopyField value={inviteLink(code, origin)} label="Invite link" data-testid="invite-link" />
            <p className="text-[13px] text-fg-subtle">
              {created ? describeInvite(created) : 'The server’s own link: it never expires.'}
            </p>
          </div>
        ) : null}
        <fieldset className="rounded-2xl border border-line bg-fill-subtle p-4">
          <legend className="px-1 text-[13px] font-semibold text-fg-soft">New link with limits</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <Select
              label="Expire after"
              options={[...EXPIRY_OPTIONS]}
              value={expiry}
              onValueChange={setExpiry}
              data-testid="invite-expiry"
            />
            <Select
              label="Max number of uses"
              options={[...MAX_USES_OPTIONS]}
              value={maxUses}
              onValueChange={setMaxUses}
              data-testid="invite-max-uses"
            />
          </div>
          <Button
            className="mt-4 w-full"
            variant="secondary"
            loading={busy}
            onClick={create}
            data-testid="invite-create"
          >
            Generate a new link
          </Button>
        </fieldset>
      </div>
    </Modal>
  );
}
