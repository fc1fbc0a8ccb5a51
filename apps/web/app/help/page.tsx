import type { Metadata } from 'next';
import { HelpCenter } from '@/features/content/components/help-center';

export const metadata: Metadata = {
  title: 'Help center',
  description: 'Answers about signing in, video chat, your 7-digit ID, friends, safety and troubleshooting.',
};

export default function HelpPage() {
  return <HelpCenter />;
}
