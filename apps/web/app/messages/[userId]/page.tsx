import { ChatScreen } from '@/features/messages/components/chat-screen';

export default function ChatPage() {
  return <ChatScreen />;
}
