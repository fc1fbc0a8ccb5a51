'use client';

import type { TVoiceParticipant } from '@guftagu/contracts';
import { Volume2Icon } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';
import { useVoiceStates } from '../hooks/use-voice-states';
import { activeVoice } from '../lib/voice-controller';
import { useVoiceState } from '../lib/voice-store';
import { inChannel } from '../queries';
import { VoiceIndicators } from './voice-indicators';

function Video({ stream, mirrored }: { stream: MediaStream; mirrored?: boolean }) {
  const ref = useRef<HTMLVideoElement | null>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <video
      ref={ref}
      autoPlay
      playsInline
      muted
      className={cn('absolute inset-0 size-full object-cover', mirrored && '-scale-x-100')}
    />
  );
}

function Tile({
  person,
  stream,
  speaking,
  mine,
}: {
  person: TVoiceParticipant;
  stream: MediaStream | null;
  speaking: boolean;
  mine: boolean;
}) {
  const name = person.user.displayName || person.user.username || 'Someone';
  const showVideo = person.voiceState.camera && stream && stream.getVideoTracks().length > 0;
  return (
    <li
      className={cn(
        'relative flex aspect-video items-center justify-center overflow-hidden rounded-xl bg-raised ring-2 transition-shadow',
        speaking ? 'ring-live' : 'ring-transparent',
      )}
      data-testid="voice-tile"
      data-user-id={person.userId}
    >
      {showVideo && stream ? (
        <Video stream={stream} mirrored={mine} />
      ) : (
        <Avatar name={name} src={person.user.profilePicture} size={72} />
      )}
      <span className="absolute bottom-2 left-2 flex max-w-[85%] items-center gap-1.5 rounded-md bg-scrim px-2 py-0.5 text-xs text-on-media">
        <span className="truncate">{mine ? `${name} (you)` : name}</span>
        <VoiceIndicators state={person.voiceState} size={12} />
      </span>
    </li>
  );
}

/** The main pane of a voice channel: everyone connected, with speaking rings and camera tiles. */
export function VoiceStage({
  serverId,
  channelId,
  channelName,
  me,
  canConnect,
}: {
  serverId: string;
  channelId: string;
  channelName: string;
  me: string;
  canConnect: boolean;
}) {
  const { data, isPending } = useVoiceStates(serverId);
  const voice = useVoiceState();
  const people = inChannel(data, channelId);
  const here = voice.channelId === channelId;
  const speaking = new Set(here ? voice.speaking : []);
  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-y-auto p-4 sm:p-6" data-testid="voice-stage">
      {people.length === 0 && !isPending ? (
        <div className="m-auto flex max-w-sm flex-col items-center gap-3 text-center">
          <span className="flex size-12 items-center justify-center rounded-full bg-fill text-fg-muted">
            <Volume2Icon aria-hidden size={22} />
          </span>
          <p className="text-lg font-semibold text-fg">{channelName}</p>
          <p className="text-sm text-fg-subtle">No one is here yet.</p>
        </div>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label={`In ${channelName}`}>
          {people.map((person) => (
            <Tile
              key={person.userId}
              person={person}
              mine={person.userId === me}
              stream={
                person.userId === me
                  ? here
                    ? voice.localStream
                    : null
                  : here
                    ? (voice.peers[person.userId]?.stream ?? null)
                    : null
              }
              speaking={speaking.has(person.userId) && !person.voiceState.muted}
            />
          ))}
        </ul>
      )}
      {!here ? (
        <div className="mt-6 flex justify-center">
          <Button
            onClick={() => void activeVoice()?.join(serverId, channelId)}
            disabled={!canConnect || voice.joining}
            data-testid="voice-join"
          >
            {canConnect ? `Join ${channelName}` : 'You can’t connect here'}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
