import { MessagesPlaceholder } from '@/features/messages/components/messages-placeholder';

/** Wide screens: the right pane before a conversation is picked. (Phones show only the list here.) */
export default function MessagesPage() {
  return <MessagesPlaceholder />;
}
