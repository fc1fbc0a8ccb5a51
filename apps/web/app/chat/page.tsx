import type { Metadata } from 'next';
import { VideoChat } from '@/features/chat/components/video-chat';

export const metadata: Metadata = {
  title: 'Video chat',
  description:
    'Meet someone new face to face. Pick interests, press Start, and press Next whenever you like.',
};

/** Random video chat. Open to visitors who are not signed in: the socket connects anonymously. */
export default function ChatPage() {
  return <VideoChat />;
}
