import type { TVoiceParticipant, TVoiceState } from '@guftagu/contracts';

/** Who is in which voice channel of one server, as the sidebar shows it. */
export type VoiceStates = TVoiceParticipant[];

export const voiceKeys = {
  server: (serverId: string) => ['voice-states', serverId] as const,
};

/** Pure cache updaters: safe to apply twice (the live cache replays events over in-flight fetches). */
export const participantUpserted =
  (participant: TVoiceParticipant) =>
  (list: VoiceStates | undefined): VoiceStates | undefined =>
    list ? [...list.filter((each) => each.userId !== participant.userId), participant] : list;

export const participantRemoved =
  (userId: string, channelId: string) =>
  (list: VoiceStates | undefined): VoiceStates | undefined =>
    list?.filter((each) => !(each.userId === userId && each.channelId === channelId));

export const participantStateSet =
  (userId: string, channelId: string, voiceState: TVoiceState) =>
  (list: VoiceStates | undefined): VoiceStates | undefined =>
    list?.map((each) =>
      each.userId === userId && each.channelId === channelId ? { ...each, voiceState } : each,
    );

export function inChannel(list: VoiceStates | undefined, channelId: string): VoiceStates {
  return (list ?? []).filter((each) => each.channelId === channelId);
}
