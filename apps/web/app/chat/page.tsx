import type { Metadata, Viewport } from 'next';
import { VideoChat } from '@/features/chat/components/video-chat';

export const metadata: Metadata = {
  title: 'Video chat',
  description:
    'Meet someone new face to face. Pick interests, press Start, and press Next whenever you like.',
};

/** The call fills the screen edge to edge on notched phones; its controls keep clear with safe-area insets. */
export const viewport: Viewport = { viewportFit: 'cover' };

/** Random video chat. Open to visitors who are not signed in: the socket connects anonymously. */
export default function ChatPage() {
  return <VideoChat />;
}
