'use client';

import { useState } from 'react';
import { useToast } from '@/components/ui/toast';
import { profileKeys } from '@/features/profile/queries';
import { isApiError } from '@/lib/api';
import { useLiveCache } from '@/lib/query/query-provider';
import { nameOf } from '@/lib/utils';
import type { RelationshipTarget } from '../components/relationship-actions';
import { socialErrorMessage, useSocialApi } from '../social-api';

/**
 * The friend/block actions on one person, each with its toast. `busy` names the action running; the
 * cache follows every success (social-changes.ts).
 */
export function useRelationshipActions(target: RelationshipTarget) {
  const api = useSocialApi();
  const live = useLiveCache();
  const { toast } = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  const name = nameOf(target);

  const fail = (error: unknown) => {
    toast({
      title: 'That didn’t work',
      description: socialErrorMessage(error, target.username),
      tone: 'error',
    });
    // The server says our picture of the relationship is out of date: read the profile again.
    if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'NOT_FOUND')) {
      void live.client.invalidateQueries({ queryKey: profileKeys.publics() });
    }
  };

  /** Runs one action with its button busy; resolves whether it succeeded. */
  const run = async (key: string, action: () => Promise<void>): Promise<boolean> => {
    setBusy(key);
    try {
      await action();
      return true;
    } catch (error) {
      fail(error);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const send = (message?: string) =>
    run('send', async () => {
      const { autoAccepted } = await api.sendRequest({ userId7Digit: target.userId7Digit }, message);
      if (autoAccepted) {
        toast({
          title: `You and ${name} are now friends`,
          description: 'They had already sent you a request.',
          tone: 'success',
        });
      } else {
        toast({
          title: 'Friend request sent',
          description: `We’ll let you know when @${target.username} answers.`,
          tone: 'success',
        });
      }
    });

  /** For confirmation dialogs, which stay open (and show the error) when the action fails. */
  const confirmed = (action: () => Promise<void>) => async () => {
    try {
      await action();
    } catch (error) {
      fail(error);
      throw error;
    }
  };

  const block = confirmed(async () => {
    await api.block(target.id);
    toast({
      title: `Blocked @${target.username}`,
      description: 'They can’t find you, message you or send requests.',
    });
  });

  const unfriend = confirmed(async () => {
    await api.unfriend(target.id);
    toast({ title: `Removed ${name} from your friends` });
  });

  return { busy, run, send, block, unfriend };
}
