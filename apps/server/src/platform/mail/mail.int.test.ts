import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/free-port.js';
import { startTestServer, type TestServer, uniqueName } from '../../../test/harness.js';
import { AppError } from '../errors.js';
import { BrevoMailer } from './brevo.js';
import type { OutgoingMail } from './mailer.js';
import { SmtpMailer } from './smtp.js';

interface BrevoRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A stand-in for Brevo's API on 127.0.0.1 that records requests and answers with queued statuses. */
class BrevoDouble {
  readonly requests: BrevoRequest[] = [];
  /** Statuses for the next responses; 201 (Brevo's success) once the queue is empty. */
  readonly statuses: number[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        this.requests.push({
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: JSON.parse(text),
        });
        const status = this.statuses.shift() ?? 201;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(status === 201 ? { messageId: '<test@smtp-relay.mailin.fr>' } : { code: 'nope' }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v3/smtp/email`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

interface ReceivedMail {
  from: string | undefined;
  to: string[];
  user: unknown;
  raw: string;
}

/** A real SMTP server (no TLS) that keeps what it receives. */
async function startSmtp(options: Partial<SMTPServerOptions> = {}) {
  const received: ReceivedMail[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === 's3cret') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((address) => address.address),
          user: session.user,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const MAIL: OutgoingMail = {
  to: 'reader@example.com',
  subject: '123456 is your Guftagu sign-in code',
  html: '<p>Your code is <b>123456</b></p>',
  text: 'Your code is 123456',
};

async function expectUnavailable(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('SERVICE_UNAVAILABLE');
  return error as AppError;
}

const brevo = new BrevoDouble();
beforeAll(async () => {
  await brevo.start();
});
afterAll(async () => {
  await brevo.stop();
});
afterEach(() => {
  brevo.requests.length = 0;
  brevo.statuses.length = 0;
});

describe('BrevoMailer', () => {
  it('sends exactly the request Brevo’s transactional API expects', async () => {
    const mailer = new BrevoMailer({
      apiKey: 'xkeysib-test',
      apiUrl: brevo.url,
      sender: { name: 'Guftagu Team', email: 'team@guftagu.example' },
    });
    await mailer.send(MAIL);
    expect(brevo.requests).toHaveLength(1);
    const [request] = brevo.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v3/smtp/email');
    expect(request?.headers['api-key']).toBe('xkeysib-test');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.body).toStrictEqual({
      sender: { name: 'Guftagu Team', email: 'team@guftagu.example' },
      to: [{ email: 'reader@example.com' }],
      subject: MAIL.subject,
      htmlContent: MAIL.html,
      textContent: MAIL.text,
    });
  });

  it('names the sender "Guftagu" when the configured address has no name', async () => {
    const mailer = new BrevoMailer({
      apiKey: 'k',
      apiUrl: brevo.url,
      sender: { name: '', email: 'bare@example.com' },
    });
    await mailer.send(MAIL);
    expect(brevo.requests[0]?.body).toMatchObject({ sender: { name: 'Guftagu', email: 'bare@example.com' } });
  });

  it.each([401, 400, 429, 500])('turns a %i from Brevo into SERVICE_UNAVAILABLE', async (status) => {
    const mailer = new BrevoMailer({
      apiKey: 'bad',
      apiUrl: brevo.url,
      sender: { name: '', email: 'a@example.com' },
    });
    brevo.statuses.push(status);
    const error = await expectUnavailable(mailer.send(MAIL));
    expect(error.details).toEqual({ provider: 'brevo', status });
  });

  it('turns an unreachable Brevo into SERVICE_UNAVAILABLE', async () => {
    const mailer = new BrevoMailer({
      apiKey: 'k',
      apiUrl: `http://127.0.0.1:${await freePort()}/v3/smtp/email`,
      sender: { name: '', email: 'a@example.com' },
    });
    const error = await expectUnavailable(mailer.send(MAIL));
    expect(error.details).toMatchObject({ provider: 'brevo' });
  });
});

describe('SmtpMailer', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it('delivers a multipart text and HTML message with the right sender, recipient and subject', async () => {
    const mailer = new SmtpMailer(`smtp://mailer:s3cret@127.0.0.1:${smtp.port}`, {
      name: 'Guftagu Team',
      email: 'team@guftagu.example',
    });
    try {
      await mailer.send(MAIL);
    } finally {
      await mailer.close();
    }
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.from).toBe('team@guftagu.example');
    expect(mail?.to).toEqual(['reader@example.com']);
    expect(mail?.user).toBe('mailer');
    const raw = mail?.raw ?? '';
    expect(raw).toMatch(/^From: Guftagu Team <team@guftagu\.example>\r?$/m);
    expect(raw).toMatch(/^To: reader@example\.com\r?$/m);
    expect(raw).toMatch(/^Subject: 123456 is your Guftagu sign-in code\r?$/m);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    const textAt = raw.search(/^Content-Type: text\/plain/m);
    const htmlAt = raw.search(/^Content-Type: text\/html/m);
    expect(textAt).toBeGreaterThan(0);
    // Plain text first: clients show the last part they understand.
    expect(htmlAt).toBeGreaterThan(textAt);
    expect(raw).toContain('Your code is 123456');
    expect(raw).toContain('<b>123456</b>');
  });

  it('turns wrong credentials into SERVICE_UNAVAILABLE', async () => {
    const mailer = new SmtpMailer(`smtp://mailer:wrong@127.0.0.1:${smtp.port}`, {
      name: '',
      email: 'a@example.com',
    });
    await expectUnavailable(mailer.send(MAIL)).finally(() => mailer.close());
  });

  it('turns a refused recipient into SERVICE_UNAVAILABLE', async () => {
    const picky = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(new Error('550 no such user'));
      },
    });
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${picky.port}`, { name: '', email: 'a@example.com' });
    try {
      await expectUnavailable(mailer.send(MAIL));
      expect(picky.received).toEqual([]);
    } finally {
      await mailer.close();
      await picky.close();
    }
  });
});

describe('a server configured for Brevo', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      env: {
        BREVO_API_KEY: 'test-key',
        BREVO_API_URL: brevo.url,
        MAIL_FROM: 'Guftagu <codes@guftagu.example>',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('mails the sign-in code through Brevo, and the mailed code signs the user in', async () => {
    const email = `${uniqueName()}@example.com`;
    const api = server.api();
    await api.sendOtp(email);
    expect(brevo.requests).toHaveLength(1);
    const [request] = brevo.requests;
    expect(request?.headers['api-key']).toBe('test-key');
    const body = request?.body as { sender: unknown; to: unknown; subject: string; textContent: string };
    expect(body.sender).toEqual({ name: 'Guftagu', email: 'codes@guftagu.example' });
    expect(body.to).toEqual([{ email }]);
    const code = /\b(\d{6})\b/.exec(body.textContent)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(body.subject).toContain(code);
    await expect(api.verifyOtp(email, code ?? '')).resolves.toMatchObject({ user: { email } });
  });

  it('has no dev mailbox', async () => {
    expect(server.devOutbox).toBeUndefined();
    expect((await fetch(`${server.url}/api/dev/mailbox`)).status).toBe(404);
  });

  it('answers 503 SERVICE_UNAVAILABLE when Brevo fails, and lets the user retry at once', async () => {
    const email = `${uniqueName()}@example.com`;
    brevo.statuses.push(500);
    const failed = await fetch(`${server.url}/api/auth/send-otp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toMatchObject({ success: false, code: 'SERVICE_UNAVAILABLE' });
    // No resend cooldown for a code that never arrived; the retry mails a fresh one.
    await expect(server.api().sendOtp(email)).resolves.toMatchObject({ success: true });
    expect(brevo.requests).toHaveLength(2);
  });
});

describe('a server configured for SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ env: { SMTP_URL: `smtp://mailer:s3cret@127.0.0.1:${smtp.port}` } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('mails the sign-in code over SMTP and has no dev mailbox', async () => {
    const email = `${uniqueName()}@example.com`;
    await server.api().sendOtp(email);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual([email]);
    expect(smtp.received[0]?.raw).toMatch(/^Subject: \d{6} is your Guftagu sign-in code\r?$/m);
    expect((await fetch(`${server.url}/api/dev/mailbox`)).status).toBe(404);
  });
});
