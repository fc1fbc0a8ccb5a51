import nodemailer, { type Transporter } from 'nodemailer';
import { AppError } from '../errors.js';
import type { MailAddress, Mailer, OutgoingMail } from './mailer.js';

/** Any SMTP relay, configured by one URL (smtp://user:pass@host:587 or smtps://…). */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly sender: MailAddress,
  ) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transporter.sendMail({
        from: { name: this.sender.name || 'Guftagu', address: this.sender.email },
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
      });
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 'We could not send the email. Please try again shortly.', {
        provider: 'smtp',
      });
    }
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
