'use client';

import { formatUserId } from '@guftagu/contracts';
import { HashIcon } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { parseUserIdInput } from '@/lib/utils';

/** Looks someone up by their permanent 7-digit ID ("1234567" or "123-4567"). */
export function IdSearch({ onFind, loading }: { onFind: (userId7Digit: string) => void; loading: boolean }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const digits = parseUserIdInput(value);
    if (!digits) {
      setError('Enter the 7 digits of their ID, like 123-4567.');
      return;
    }
    setError(null);
    setValue(formatUserId(digits));
    onFind(digits);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <Input
        label="7-digit ID"
        hideLabel
        placeholder="123-4567"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(event) => {
          const typed = event.target.value.replace(/[^\d\s-]/g, '').slice(0, 9);
          // A whole ID reads the way the rest of the app shows it (123-4567), however it was typed or pasted.
          const digits = parseUserIdInput(typed);
          setValue(digits ? formatUserId(digits) : typed);
          setError(null);
        }}
        prefix={<HashIcon size={16} aria-hidden />}
        maxLength={9}
        error={error}
        hint="Ask your friend for the ID on their profile."
        containerClassName="flex-1"
        className="tabular font-display tracking-wide"
        data-testid="id-search-input"
      />
      <Button
        type="submit"
        size="lg"
        loading={loading}
        className="h-12 shrink-0"
        data-testid="id-search-submit"
      >
        Find user
      </Button>
    </form>
  );
}
