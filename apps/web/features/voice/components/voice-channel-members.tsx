'use client';

import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/lib/utils';
import { useVoiceStates } from '../hooks/use-voice-states';
import { useVoiceState } from '../lib/voice-store';
import { inChannel } from '../queries';
import { VoiceIndicators } from './voice-indicators';

/** Under a voice channel in the sidebar: who is connected, live, with a ring while they speak. */
export function VoiceChannelMembers({ serverId, channelId }: { serverId: string; channelId: string }) {
  const { data } = useVoiceStates(serverId);
  const voice = useVoiceState();
  const people = inChannel(data, channelId);
  if (people.length === 0) return null;
  const speaking = voice.channelId === channelId ? new Set(voice.speaking) : new Set<string>();
  return (
    <ul className="mt-0.5 mb-1 flex flex-col gap-0.5 pl-8" aria-label="Connected" data-testid="voice-members">
      {people.map((person) => {
        const name = person.user.displayName || person.user.username || 'Someone';
        const talking = speaking.has(person.userId) && !person.voiceState.muted;
        return (
          <li
            key={person.userId}
            className="flex h-7 items-center gap-2 rounded-md px-1.5 text-sm text-fg-muted"
            data-testid="voice-member"
            data-user-id={person.userId}
            data-speaking={talking ? 'true' : 'false'}
          >
            <span
              className={cn(
                'rounded-full ring-2 ring-offset-1 ring-offset-surface transition-shadow',
                talking ? 'ring-live' : 'ring-transparent',
              )}
            >
              <Avatar name={name} src={person.user.profilePicture} size={20} />
            </span>
            <span className="min-w-0 flex-1 truncate">{name}</span>
            <VoiceIndicators state={person.voiceState} size={13} />
          </li>
        );
      })}
    </ul>
  );
}
