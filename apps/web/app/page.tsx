import { LandingPage } from '@/features/landing/components/landing-page';

export default function HomePage() {
  return <LandingPage />;
}
