import type { Metadata } from 'next';
import { PublicProfile } from '@/features/profile/components/public-profile';

type Params = Promise<{ username: string }>;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { username } = await params;
  return { title: `@${decode(username)}` };
}

export default async function PublicProfilePage({ params }: { params: Params }) {
  const { username } = await params;
  return <PublicProfile lookup={{ username: decode(username) }} />;
}
