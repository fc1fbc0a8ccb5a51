import { formatUserId } from '@guftagu/contracts';
import type { Metadata } from 'next';
import { PublicProfile } from '@/features/profile/components/public-profile';
import { parseUserIdInput } from '@/lib/utils';

type Params = Promise<{ userId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { userId } = await params;
  const digits = parseUserIdInput(userId);
  return { title: digits ? `ID ${formatUserId(digits)}` : 'Profile' };
}

export default async function PublicProfileByIdPage({ params }: { params: Params }) {
  const { userId } = await params;
  // Accept "123-4567" in the URL too; anything unparseable shows the friendly not-found state.
  return <PublicProfile lookup={{ userId7Digit: parseUserIdInput(userId) ?? userId }} />;
}
