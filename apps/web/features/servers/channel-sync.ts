import type { TChannelSync, TChannelSyncResponse } from '@guftagu/contracts';
import type { LiveCache } from '@/lib/query/live-cache';
import type { ChannelLog } from './channel-log';
import { changeEveryLog, changeLog, channelKeys } from './message-queries';

/** Sync rounds per reconnect before giving up (each answer holds up to the server's batch). */
export const MAX_SYNC_ROUNDS = 20;
/** Ask for changes a little before the newest time we hold, so commits in flight are included. */
const CLOCK_MARGIN_MS = 15_000;

/** Every open (loaded) channel log this tab holds. */
export function loadedLogs(live: LiveCache): ChannelLog[] {
  return live.client
    .getQueriesData<ChannelLog>({ queryKey: channelKeys.logs() })
    .flatMap(([, log]) => (log?.loaded ? [log] : []));
}

/**
 * The catch-up request: each loaded channel's newest stored message (null when it holds none), and
 * changes since the last sync or, before the first one, since the newest message time we hold.
 */
export function syncRequest(logs: readonly ChannelLog[], syncedAt: string | null): TChannelSync | null {
  if (logs.length === 0) return null;
  const after: Record<string, string | null> = {};
  let clock = syncedAt;
  for (const log of logs.slice(0, 200)) {
    after[log.channelId] = log.messages.at(-1)?.id ?? null;
    for (const message of log.messages) {
      const time =
        message.editedAt && message.editedAt > message.createdAt ? message.editedAt : message.createdAt;
      if (!clock || time > clock) clock = time;
    }
  }
  const since = clock ? new Date(new Date(clock).getTime() - CLOCK_MARGIN_MS).toISOString() : undefined;
  return { after, ...(since ? { changedSince: since } : {}) };
}

/**
 * Merges one sync answer: new messages append after each channel's last one (so no gap, and the log
 * merges by id, so no duplicate), changes refresh only messages already held, deletions drop. Returns
 * the next request's cursors (each channel's newest id), or null when the catch-up is complete.
 */
export function applySync(
  live: LiveCache,
  request: TChannelSync,
  answer: TChannelSyncResponse,
): TChannelSync | null {
  const byChannel = new Map<string, TChannelSyncResponse['messages']>();
  for (const message of answer.messages) {
    const list = byChannel.get(message.channelId) ?? [];
    list.push(message);
    byChannel.set(message.channelId, list);
  }
  for (const [channelId, messages] of byChannel) changeLog(live, channelId, { type: 'upsert', messages });
  if (answer.changed.length > 0) changeEveryLog(live, { type: 'refresh', messages: answer.changed });
  if (answer.removed.length > 0) changeEveryLog(live, { type: 'deleted', messageIds: answer.removed });
  // A channel I can no longer read keeps nothing of it in this tab.
  for (const channelId of answer.denied) {
    live.client.removeQueries({ queryKey: channelKeys.log(channelId), type: 'inactive' });
  }
  if (!answer.hasMore) return null;
  const after = { ...request.after };
  for (const channelId of answer.denied) delete after[channelId];
  for (const message of answer.messages) {
    const current = after[message.channelId];
    if (current === undefined) continue;
    if (current === null || message.id > current) after[message.channelId] = message.id;
  }
  return { after, changedSince: answer.syncedAt };
}

/**
 * Catches every loaded channel up after a reconnect through `channel_sync`, round after round while the
 * server says there is more. `send` is the socket emit (an ack that is the contract's answer).
 */
export async function syncChannels(
  live: LiveCache,
  send: (request: TChannelSync) => Promise<TChannelSyncResponse | null>,
  syncedAt: string | null,
): Promise<string | null> {
  let request = syncRequest(loadedLogs(live), syncedAt);
  let newest = syncedAt;
  for (let round = 0; request && round < MAX_SYNC_ROUNDS; round++) {
    const answer = await send(request);
    if (!answer) break;
    if (!newest || answer.syncedAt > newest) newest = answer.syncedAt;
    request = applySync(live, request, answer);
  }
  return newest;
}

let syncHooksMounted = 0;

/** The servers frame keeps cached logs caught up while it is mounted; see `forgetUnsyncedLogs`. */
export function trackSyncHook(): () => void {
  syncHooksMounted += 1;
  return () => {
    syncHooksMounted -= 1;
  };
}

/**
 * After a reconnect with nobody to catch the cached logs up (the user is elsewhere in the app), they
 * may miss messages: drop them so the next open starts from a fresh page rather than show a gap.
 */
export function forgetUnsyncedLogs(live: LiveCache): void {
  if (syncHooksMounted > 0) return;
  live.client.removeQueries({ queryKey: channelKeys.logs(), type: 'inactive' });
}
