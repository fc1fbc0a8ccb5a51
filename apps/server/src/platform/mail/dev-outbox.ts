import type { TDevMail } from '@guftagu/contracts';
import { newId } from '../ids.js';
import type { Logger } from '../logger.js';
import type { Mailer, OutgoingMail } from './mailer.js';

const OUTBOX_CAPACITY = 200;

/**
 * Development transport: keeps the newest mails in memory for `/dev/mailbox` and logs that one was
 * sent (never its body, which holds the code). Only wired when NODE_ENV is not production.
 */
export class DevOutboxMailer implements Mailer {
  readonly kind = 'dev-outbox' as const;
  private readonly messages: TDevMail[] = [];

  constructor(private readonly logger: Logger) {}

  async send(mail: OutgoingMail): Promise<void> {
    this.messages.unshift({ id: newId(), ...mail, sentAt: new Date().toISOString() });
    this.messages.length = Math.min(this.messages.length, OUTBOX_CAPACITY);
    this.logger.info({ to: mail.to }, 'mail stored in dev outbox (see /dev/mailbox)');
  }

  list(to?: string): TDevMail[] {
    return to ? this.messages.filter((message) => message.to === to) : [...this.messages];
  }

  async close(): Promise<void> {}
}
