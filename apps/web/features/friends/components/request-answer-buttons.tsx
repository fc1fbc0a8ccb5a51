import { CheckIcon, XIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';

type Answer = 'accept' | 'reject';

/**
 * Accept and Decline for a pending friend request; both are disabled while any action on the row runs.
 * `from` names the sender in the buttons' accessible labels.
 */
export function RequestAnswerButtons({
  busy,
  onAnswer,
  from,
  testIdPrefix,
}: {
  busy: string | null;
  onAnswer: (answer: Answer) => void;
  from?: string;
  testIdPrefix?: string;
}) {
  return (
    <>
      <Button
        size="sm"
        loading={busy === 'accept'}
        disabled={busy !== null}
        onClick={() => onAnswer('accept')}
        aria-label={from === undefined ? undefined : `Accept friend request from ${from}`}
        data-testid={testIdPrefix && `${testIdPrefix}-accept`}
      >
        <CheckIcon size={14} aria-hidden /> Accept
      </Button>
      <Button
        variant="secondary"
        size="sm"
        loading={busy === 'reject'}
        disabled={busy !== null}
        onClick={() => onAnswer('reject')}
        aria-label={from === undefined ? undefined : `Decline friend request from ${from}`}
        data-testid={testIdPrefix && `${testIdPrefix}-reject`}
      >
        <XIcon size={14} aria-hidden /> Decline
      </Button>
    </>
  );
}
