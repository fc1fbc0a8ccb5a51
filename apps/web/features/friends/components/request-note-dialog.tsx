'use client';

import { ZRequestMessage } from '@guftagu/contracts';
import { UserPlusIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Modal, ModalClose } from '@/components/ui/modal';
import { CharCounter, Textarea } from '@/components/ui/textarea';

const REQUEST_MESSAGE_MAX = 200;

/** "Add a note": a friend request with a short message. */
export function RequestNoteDialog({
  open,
  onOpenChange,
  name,
  sending,
  onSend,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  sending: boolean;
  /** Resolves whether the request went out. */
  onSend: (note: string) => Promise<boolean>;
}) {
  const [note, setNote] = useState('');
  const noteCount = note.trim().length;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ZRequestMessage.safeParse(note).success) return;
    // A note that did not go out stays for another try.
    if (await onSend(note)) setNote('');
  };

  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        if (!sending) onOpenChange(next);
      }}
      title={`Add ${name} as a friend`}
      description="Say hello or remind them where you met. Optional."
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-5">
        <Textarea
          label="Note"
          placeholder="Hey! We talked about film photography earlier today."
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={REQUEST_MESSAGE_MAX + 20}
          counter={<CharCounter count={noteCount} max={REQUEST_MESSAGE_MAX} />}
          error={
            noteCount > REQUEST_MESSAGE_MAX ? `Keep it under ${REQUEST_MESSAGE_MAX} characters.` : undefined
          }
          className="min-h-24"
          autoFocus
          data-testid="friend-request-message"
        />
        <div className="flex justify-end gap-2">
          <ModalClose asChild>
            <Button variant="ghost" disabled={sending}>
              Cancel
            </Button>
          </ModalClose>
          <Button type="submit" loading={sending} disabled={noteCount > REQUEST_MESSAGE_MAX}>
            <UserPlusIcon size={16} aria-hidden /> Send request
          </Button>
        </div>
      </form>
    </Modal>
  );
}
