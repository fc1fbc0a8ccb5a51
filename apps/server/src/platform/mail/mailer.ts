export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** One interface, three transports: the dev outbox, Brevo's transactional API, and SMTP. */
export interface Mailer {
  readonly kind: 'dev-outbox' | 'brevo' | 'smtp';
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

export interface MailAddress {
  name: string;
  email: string;
}

/** Parses `Name <email@host>` or a bare address. */
export function parseMailAddress(value: string): MailAddress {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value);
  if (match?.[2]) return { name: match[1] ?? '', email: match[2].trim() };
  return { name: '', email: value.trim() };
}
