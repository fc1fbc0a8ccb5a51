'use client';

import type { ChatSession } from '@/features/chat/lib/chat-session';
import { type ChatSnapshot, partnerNameOf } from '@/features/chat/lib/session-state';
import { PartnerCard } from './partner-card';
import { TextChat } from './text-chat';

/** Beside the video (on a phone, in the sheet between video and controls) once a search began: who you’re with, and the text chat. */
export function ChatSidebar({
  session,
  snapshot,
  interests,
}: {
  session: ChatSession;
  snapshot: ChatSnapshot;
  interests: string[];
}) {
  const { phase } = snapshot;
  const inCall = phase.name === 'matched';
  return (
    <>
      {inCall ? (
        // While typing on a phone the keyboard takes half the screen; the messages need the room more.
        <div className="group-has-[#chat-input:focus]:max-lg:hidden">
          <PartnerCard key={phase.match.matchId} match={phase.match} />
        </div>
      ) : (
        // On a phone the overlay on the video already says this, and the sheet needs the room.
        <section aria-label="Search" className="card rounded-3xl p-4 max-lg:hidden" data-testid="search-card">
          <p className="text-[14px] font-medium text-fg">
            {phase.name === 'searching' ? 'Finding your match' : 'Not in a chat'}
          </p>
          <p className="mt-1 text-[13px] text-fg-subtle">
            {interests.length
              ? `Interests: ${interests.map((tag) => `#${tag}`).join(' ')}`
              : 'No interests picked — you’ll meet anyone.'}
          </p>
        </section>
      )}
      <TextChat
        className="min-h-0 flex-1"
        lines={snapshot.lines}
        partnerName={inCall ? partnerNameOf(phase.match) : 'Stranger'}
        partnerTyping={snapshot.partnerTyping}
        enabled={inCall}
        onSend={(text) => session.sendMessage(text)}
        onTyping={(active) => session.setTyping(active)}
      />
    </>
  );
}
