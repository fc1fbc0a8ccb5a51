import { AppError } from '../errors.js';
import type { MailAddress, Mailer, OutgoingMail } from './mailer.js';

export interface BrevoOptions {
  apiKey: string;
  apiUrl: string;
  sender: MailAddress;
  fetch?: typeof fetch;
}

/** Brevo's transactional email API (POST /v3/smtp/email), as documented by Brevo. */
export class BrevoMailer implements Mailer {
  readonly kind = 'brevo' as const;

  constructor(private readonly options: BrevoOptions) {}

  async send(mail: OutgoingMail): Promise<void> {
    const doFetch = this.options.fetch ?? fetch;
    const unavailable = (status?: number) =>
      new AppError('SERVICE_UNAVAILABLE', 'We could not send the email. Please try again shortly.', {
        provider: 'brevo',
        ...(status === undefined ? {} : { status }),
      });
    // A network failure or timeout is the same outage to the user as a 5xx, not an internal error.
    const response = await doFetch(this.options.apiUrl, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'api-key': this.options.apiKey,
      },
      body: JSON.stringify({
        sender: { name: this.options.sender.name || 'Guftagu', email: this.options.sender.email },
        to: [{ email: mail.to }],
        subject: mail.subject,
        htmlContent: mail.html,
        textContent: mail.text,
      }),
      signal: AbortSignal.timeout(10_000),
    }).catch(() => {
      throw unavailable();
    });
    if (!response.ok) throw unavailable(response.status);
  }

  async close(): Promise<void> {}
}
