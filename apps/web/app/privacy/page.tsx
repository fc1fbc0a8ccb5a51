import type { Metadata } from 'next';
import { LegalPage, type LegalSection } from '@/features/content/components/legal-page';
import { PRIVACY_EMAIL } from '@/lib/config';

export const metadata: Metadata = {
  title: 'Privacy Policy',
  description: 'What Guftagu collects, why, how long we keep it, and the choices you have.',
};

const sections: LegalSection[] = [
  {
    id: 'summary',
    title: 'In short',
    body: (
      <ul>
        <li>We never record your video or voice calls. They connect directly between browsers.</li>
        <li>Strangers never see your email address.</li>
        <li>We don’t sell your personal information, and we don’t show ads based on it.</li>
        <li>You can ask for a copy of your data, or for your account to be deleted, at any time.</li>
      </ul>
    ),
  },
  {
    id: 'collect',
    title: 'What we collect',
    body: (
      <>
        <h3>Information you give us</h3>
        <ul>
          <li>
            <strong>Account:</strong> your email address, username, display name, and optionally a bio,
            profile picture and interests.
          </li>
          <li>
            <strong>Messages:</strong> the text of direct messages you send to friends, so they can be
            delivered and shown in your history.
          </li>
          <li>
            <strong>Reports:</strong> what you tell us when you report someone or contact support.
          </li>
        </ul>
        <h3>Information created when you use Guftagu</h3>
        <ul>
          <li>
            <strong>Connection data:</strong> IP address, browser type and device information, used for
            security, abuse prevention and rate limiting.
          </li>
          <li>
            <strong>Activity:</strong> when you were last online, how many conversations you have had, and
            friend connections.
          </li>
          <li>
            <strong>Sessions:</strong> a secure cookie that keeps you signed in. We don’t use advertising or
            cross-site tracking cookies.
          </li>
        </ul>
      </>
    ),
  },
  {
    id: 'video',
    title: 'Video, voice and random chat',
    body: (
      <>
        <p>
          Calls use WebRTC, which connects your browser directly to the other person’s. Our servers help the
          two browsers find each other, but the audio and video do not pass through them and are never stored.
          When a direct connection is impossible, traffic may be relayed through an encrypted relay server
          that cannot view or record it.
        </p>
        <p>
          Because the connection is direct, the other person’s browser can technically learn your IP address,
          as with any peer-to-peer call. Text chat during a random conversation is relayed by our servers and
          is not kept after the conversation ends, unless it is part of a report.
        </p>
      </>
    ),
  },
  {
    id: 'use',
    title: 'How we use information',
    body: (
      <ul>
        <li>
          To run the service: sign you in, match you with people, deliver messages and show who is online.
        </li>
        <li>To keep people safe: review reports, detect spam and abuse, and enforce our Terms.</li>
        <li>
          To send you sign-in codes and important account notices. We don’t send marketing email unless you
          opt in.
        </li>
        <li>To understand, in aggregate, how the product is used so we can improve it.</li>
      </ul>
    ),
  },
  {
    id: 'sharing',
    title: 'Who we share it with',
    body: (
      <>
        <p>
          Other users see only your public profile: username, display name, 7-digit ID, profile picture, bio,
          interests and — if you allow it — your online status. We share data with service providers that host
          our infrastructure and deliver email, under contracts that limit them to acting on our instructions.
        </p>
        <p>
          We disclose information to authorities only when the law requires it, or when we believe in good
          faith that it is necessary to prevent serious harm.
        </p>
      </>
    ),
  },
  {
    id: 'retention',
    title: 'How long we keep it',
    body: (
      <ul>
        <li>Sign-in codes expire after 10 minutes and are deleted.</li>
        <li>Account data is kept while your account exists and deleted within 30 days of you closing it.</li>
        <li>
          Security logs are kept for up to 90 days. Reports and moderation records may be kept longer where
          needed to keep banned users off the platform.
        </li>
      </ul>
    ),
  },
  {
    id: 'choices',
    title: 'Your choices and rights',
    body: (
      <>
        <p>
          You can hide your online status from people who aren’t your friends, turn off friend requests, and
          edit or remove profile details at any time. Depending on where you live you may also have the right
          to access, correct, export or delete your data, and to object to certain processing.
        </p>
        <p>
          To make a request, email <a href={`mailto:${PRIVACY_EMAIL}`}>{PRIVACY_EMAIL}</a> from the address on
          your account. We answer within 30 days.
        </p>
      </>
    ),
  },
  {
    id: 'security',
    title: 'Security',
    body: (
      <p>
        Connections to Guftagu are encrypted, passwords are stored only as strong one-way hashes, and
        short-lived access tokens are kept in memory rather than in your browser’s storage. No system is
        perfectly secure; if we learn of a breach that affects you, we will tell you promptly.
      </p>
    ),
  },
  {
    id: 'children',
    title: 'Children',
    body: (
      <p>
        Guftagu is only for adults aged 18 and over. We do not knowingly collect data from anyone younger, and
        we delete accounts we find that belong to minors.
      </p>
    ),
  },
];

export default function PrivacyPage() {
  return (
    <LegalPage
      eyebrow="Legal"
      title="Privacy Policy"
      lead="Talking to strangers requires trust. Here is exactly what we collect, why we collect it, and how you stay in control."
      updated="November 1, 2026"
      sections={sections}
    />
  );
}
