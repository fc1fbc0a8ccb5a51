import { onServerEvent } from '@/lib/query/cache-event';
import { participantRemoved, participantStateSet, participantUpserted, voiceKeys } from './queries';

/** Voice channel occupancy, live: the server sends these to everyone who can see the channel. */
export const voiceCacheEvents = [
  onServerEvent('user_joined_voice', (event, live) => {
    const { movedBy: _movedBy, ...participant } = event;
    live.apply(voiceKeys.server(event.serverId), participantUpserted(participant));
  }),
  onServerEvent('user_left_voice', (event, live) =>
    live.apply(voiceKeys.server(event.serverId), participantRemoved(event.userId, event.channelId)),
  ),
  onServerEvent('voice_state_updated', (event, live) =>
    live.apply(
      voiceKeys.server(event.serverId),
      participantStateSet(event.userId, event.channelId, event.voiceState),
    ),
  ),
];
