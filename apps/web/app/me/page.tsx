import { redirect } from 'next/navigation';

/** /me is an alias of /profile. */
export default function MePage() {
  redirect('/profile');
}
