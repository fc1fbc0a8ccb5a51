'use client';

import { REPORT_DESCRIPTION_MAX, REPORT_REASONS, type TReportReason } from '@guftagu/contracts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { errorMessage } from '@/lib/api';

const REASON_LABELS: Record<TReportReason, string> = {
  inappropriate_content: 'Inappropriate content',
  harassment: 'Harassment or bullying',
  spam: 'Spam or advertising',
  nudity: 'Nudity or sexual content',
  violence: 'Violence or threats',
  hate_speech: 'Hate speech',
  underage: 'Appears to be under 18',
  scam: 'Scam or fraud',
  impersonation: 'Impersonation',
  other: 'Something else',
};

const OPTIONS = REPORT_REASONS.map((value) => ({ value, label: REASON_LABELS[value] }));

/** Report the current partner. Sending ends the chat, attaches its transcript, and you never meet them again. */
export function ReportDialog({
  open,
  onOpenChange,
  partnerName,
  onSubmit,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  partnerName: string;
  onSubmit: (reason: TReportReason, description: string) => Promise<void>;
}) {
  const [reason, setReason] = useState<TReportReason>('inappropriate_content');
  const [description, setDescription] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setSending(true);
    setError(null);
    try {
      await onSubmit(reason, description.trim());
      setDescription('');
      onOpenChange(false);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={`Report ${partnerName}`}
      description="The chat ends, our moderators get the details and this chat’s messages, and you won’t be matched with them again."
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            loading={sending}
            onClick={() => void submit()}
            data-testid="report-submit"
          >
            Send report
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4" data-testid="report-dialog">
        <Select
          label="Reason"
          options={OPTIONS}
          value={reason}
          onValueChange={setReason}
          data-testid="report-reason"
        />
        <Textarea
          label="What happened? (optional)"
          value={description}
          onChange={(event) => setDescription(event.target.value.slice(0, REPORT_DESCRIPTION_MAX))}
          maxLength={REPORT_DESCRIPTION_MAX}
          counter={`${description.length} / ${REPORT_DESCRIPTION_MAX}`}
          error={error ?? undefined}
          data-testid="report-description"
        />
      </div>
    </Modal>
  );
}
