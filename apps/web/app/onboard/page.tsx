import { OnboardScreen } from '@/features/auth/components/onboard-screen';

export default function OnboardPage() {
  return <OnboardScreen />;
}
