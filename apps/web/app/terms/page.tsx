import type { Metadata } from 'next';
import Link from 'next/link';
import { LegalPage, type LegalSection } from '@/features/content/components/legal-page';
import { SAFETY_EMAIL, SUPPORT_EMAIL } from '@/lib/config';

export const metadata: Metadata = {
  title: 'Terms of Service',
  description:
    'The rules for using Guftagu: who can use it, how to behave, and what happens when someone doesn’t.',
};

const sections: LegalSection[] = [
  {
    id: 'agreement',
    title: 'Agreement',
    body: (
      <>
        <p>
          These terms are a contract between you and Guftagu. By creating an account or starting a
          conversation you agree to them, to our <Link href="/privacy">Privacy Policy</Link>, and to the
          community guidelines below. If you don’t agree, please don’t use the service.
        </p>
        <p>
          We may update these terms as the product changes. When a change is significant we will tell you in
          the app or by email before it takes effect; continuing to use Guftagu afterwards means you accept
          the new version.
        </p>
      </>
    ),
  },
  {
    id: 'eligibility',
    title: 'Who can use Guftagu',
    body: (
      <>
        <p>
          <strong>You must be at least 18 years old.</strong> Guftagu connects you with strangers over live
          video, and it is not designed for minors. We remove accounts we believe belong to anyone under 18.
        </p>
        <ul>
          <li>You may hold one personal account, and you must not share it.</li>
          <li>You may not use Guftagu if we have previously banned you.</li>
          <li>You are responsible for keeping access to your email address, which is how you sign in.</li>
        </ul>
      </>
    ),
  },
  {
    id: 'account',
    title: 'Your account and ID',
    body: (
      <>
        <p>
          When you sign up we create a permanent 7-digit ID for you. Your username can be changed (at most
          once every 30 days); your ID cannot. Usernames must not impersonate another person or organisation,
          and must not be offensive — we may reclaim a username that breaks these rules.
        </p>
        <p>
          You can sign in with a one-time code sent to your email, or with a password if you set one. Never
          share a sign-in code with anyone: Guftagu staff will never ask you for it.
        </p>
      </>
    ),
  },
  {
    id: 'community-guidelines',
    title: 'Community guidelines',
    body: (
      <>
        <p>
          Every conversation is with a real person. Treat them the way you would like to be treated. You must
          not:
        </p>
        <ul>
          <li>Show nudity or sexual content, or pressure anyone into it.</li>
          <li>
            Harass, threaten, bully or demean anyone, including for their race, religion, gender, sexuality,
            disability or nationality.
          </li>
          <li>Record, screenshot or broadcast other people without their clear consent.</li>
          <li>
            Share someone else’s personal information, or ask strangers for theirs in order to contact them
            off the platform against their will.
          </li>
          <li>Promote violence, self-harm, terrorism, or illegal goods and services.</li>
          <li>Spam, advertise, run scams, or use bots and automated tools to connect with people.</li>
          <li>
            Interfere with the service — for example by probing for vulnerabilities, overloading it, or
            getting around a ban.
          </li>
        </ul>
      </>
    ),
  },
  {
    id: 'moderation',
    title: 'Reports, moderation and bans',
    body: (
      <>
        <p>
          You can report anyone during or after a conversation. Reports are reviewed by people, and may take
          into account the report, your account history and technical signals such as repeated reports from
          different users.
        </p>
        <p>
          Depending on how serious a violation is, we may warn you, limit features, suspend your account for a
          period, or ban it permanently. Where the law requires it — especially for anything involving the
          exploitation of children — we report to the authorities.
        </p>
        <p>
          If you think we made a mistake, write to <a href={`mailto:${SAFETY_EMAIL}`}>{SAFETY_EMAIL}</a> from
          the email on your account and tell us why. We review every appeal.
        </p>
      </>
    ),
  },
  {
    id: 'content',
    title: 'Your content',
    body: (
      <>
        <p>
          You own what you say and share on Guftagu. Video and voice travel directly between you and the other
          person and are not recorded by us. Text messages, your profile and your friends list are stored so
          the service can work; you give us permission to store, display and transmit them for that purpose
          only.
        </p>
        <p>You are responsible for what you share, and for having the right to share it.</p>
      </>
    ),
  },
  {
    id: 'premium',
    title: 'Premium features',
    body: (
      <p>
        Guftagu is free to use. We may offer optional paid features in the future; if we do, their price and
        terms will be shown clearly before you pay, and you will be able to cancel at any time.
      </p>
    ),
  },
  {
    id: 'disclaimers',
    title: 'Disclaimers and liability',
    body: (
      <>
        <p>
          We work hard to keep Guftagu safe and available, but we cannot control what strangers say or do, and
          we provide the service “as is”. To the extent the law allows, we are not liable for indirect or
          consequential losses arising from your use of Guftagu, or for the conduct of other users.
        </p>
        <p>
          Nothing in these terms limits rights you have under consumer protection law that cannot be waived.
        </p>
      </>
    ),
  },
  {
    id: 'ending',
    title: 'Leaving Guftagu',
    body: (
      <p>
        You can stop using Guftagu at any time and ask us to delete your account by writing to{' '}
        <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>. We may suspend or end your access if you
        break these terms, or if we have to stop offering the service; in that case we will tell you where we
        can.
      </p>
    ),
  },
];

export default function TermsPage() {
  return (
    <LegalPage
      eyebrow="Legal"
      title="Terms of Service"
      lead="The short version: you must be 18 or older, be kind to the people you meet, and don’t record or share anyone without their consent. The details are below."
      updated="November 1, 2026"
      sections={sections}
    />
  );
}
