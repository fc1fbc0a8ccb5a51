'use client';

import type { ChatSession } from '@/features/chat/lib/chat-session';
import { type ChatSnapshot, partnerNameOf } from '@/features/chat/lib/session-state';
import { PartnerCard } from './partner-card';
import { TextChat } from './text-chat';

/** Beside (or on a phone, below) the video once a search began: who you’re with, and the text chat. */
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
        <PartnerCard key={phase.match.matchId} match={phase.match} />
      ) : (
        <section aria-label="Search" className="card rounded-3xl p-4" data-testid="search-card">
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
        className="h-[24rem] lg:h-auto lg:flex-1"
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
