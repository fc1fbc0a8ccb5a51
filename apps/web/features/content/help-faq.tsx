/** The help center's questions and safety tips, grouped as the page shows them. */
import Link from 'next/link';
import type { AccordionItem } from '@/components/ui/accordion';
import { SUPPORT_EMAIL } from '@/lib/config';

export interface FaqGroup {
  id: string;
  title: string;
  items: AccordionItem[];
}

export const FAQ: FaqGroup[] = [
  {
    id: 'getting-started',
    title: 'Getting started',
    items: [
      {
        id: 'what-is-guftagu',
        question: 'What is Guftagu?',
        answer: (
          <p>
            Guftagu (Urdu for “conversation”) connects you one-on-one, over live video, with a random person
            who is online at the same moment. If you enjoy talking, add them as a friend and keep in touch
            through direct messages.
          </p>
        ),
      },
      {
        id: 'sign-in-code',
        question: 'How do I sign in? Do I need a password?',
        answer: (
          <>
            <p>
              No password needed. Enter your email on the <Link href="/login">sign-in page</Link> and we’ll
              send a 6-digit code. Type it in (or paste it — all six boxes fill at once) and you’re in. The
              same flow creates your account the first time.
            </p>
            <p>If you prefer, you can also create an account with an email and password on the same page.</p>
          </>
        ),
      },
      {
        id: 'no-code',
        question: 'I didn’t get the code',
        answer: (
          <>
            <p>
              Codes usually arrive within a few seconds. Check your spam or promotions folder and make sure
              the address is spelled correctly. You can request a new code after 60 seconds from the
              verification screen — only the newest code works.
            </p>
            <p>
              Codes expire after 10 minutes. After several wrong attempts we pause sign-in briefly to protect
              your account.
            </p>
          </>
        ),
      },
      {
        id: 'cost',
        question: 'Is Guftagu free?',
        answer: <p>Yes. Random video chat, friends and messages are free.</p>,
      },
    ],
  },
  {
    id: 'video-chat',
    title: 'Video chat',
    items: [
      {
        id: 'camera-permission',
        question: 'My camera or microphone isn’t working',
        answer: (
          <>
            <p>
              Your browser asks for permission the first time. If you clicked “Block”, click the camera icon
              in the address bar (or open your browser’s site settings), allow camera and microphone for
              Guftagu, and reload the page.
            </p>
            <p>
              Also check that no other app (like a video-call app) is using the camera, and that your
              operating system allows the browser to access it.
            </p>
          </>
        ),
      },
      {
        id: 'next-stop',
        question: 'What do “Next” and “Stop” do?',
        answer: (
          <p>
            <strong>Next</strong> ends the current conversation and immediately finds someone new.{' '}
            <strong>Stop</strong> ends the conversation and takes you out of the queue until you start again.
          </p>
        ),
      },
      {
        id: 'interests',
        question: 'Can I choose who I’m matched with?',
        answer: (
          <p>
            Add a few interests before you start and we’ll try to match you with someone who shares one. If no
            one with a matching interest is available, you’ll be matched with anyone online so you don’t wait.
          </p>
        ),
      },
      {
        id: 'recording',
        question: 'Are conversations recorded?',
        answer: (
          <p>
            No. Video and voice travel directly between the two browsers and are never recorded by Guftagu.
            Recording other people without their consent is against our <Link href="/terms">Terms</Link>.
          </p>
        ),
      },
    ],
  },
  {
    id: 'account-id',
    title: 'Your account & 7-digit ID',
    items: [
      {
        id: 'what-is-id',
        question: 'What is my 7-digit ID?',
        answer: (
          <p>
            Every account gets a unique, permanent number like <strong>482-1937</strong>. You’ll find it on
            your <Link href="/profile">profile</Link> with a copy button. Share it so people can find you and
            send a friend request — it keeps working even if you change your username.
          </p>
        ),
      },
      {
        id: 'change-username',
        question: 'Can I change my username or ID?',
        answer: (
          <p>
            You can change your username once every 30 days. Your 7-digit ID never changes, so friends can
            always find you.
          </p>
        ),
      },
      {
        id: 'delete-account',
        question: 'How do I delete my account?',
        answer: (
          <p>
            Email <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a> from the address on your account and
            we will delete it, along with your messages and friend connections, within 30 days.
          </p>
        ),
      },
    ],
  },
  {
    id: 'friends',
    title: 'Friends & messages',
    items: [
      {
        id: 'add-friend',
        question: 'How do I add a friend?',
        answer: (
          <p>
            During a conversation, tap <strong>Add friend</strong>. You can also search for someone by their
            username or 7-digit ID. Once they accept, you can message each other any time and see when they’re
            online.
          </p>
        ),
      },
      {
        id: 'who-can-message',
        question: 'Who can message me?',
        answer: (
          <p>
            Only people you’ve accepted as friends. You can turn off friend requests entirely, hide your
            online status from non-friends, or remove and block someone at any time.
          </p>
        ),
      },
    ],
  },
];

export const SAFETY_TIPS: { title: string; body: string }[] = [
  {
    title: 'Keep personal details private',
    body: 'Don’t share your address, workplace, school, phone number or financial details with people you just met.',
  },
  {
    title: 'You can leave any time',
    body: 'If a conversation feels wrong, press Next or Stop. You never owe a stranger an explanation.',
  },
  {
    title: 'Never send money',
    body: 'Anyone asking for money, gift cards or crypto — whatever the story — is running a scam. Report them.',
  },
  {
    title: 'Watch for recording',
    body: 'Assume anything you show on camera could be captured. Never do anything on camera you wouldn’t want shared.',
  },
];
