import { randomBytes } from 'node:crypto';
import { ApiClient } from '@guftagu/sdk';

interface Mailbox {
  messages: Array<{ text: string }>;
}

/**
 * Signs `count` users up through the real OTP flow (the code is read from the dev outbox at
 * GET /api/dev/mailbox) and onboards them. Returns their access tokens; the bench spreads its
 * sockets over them, many sockets per user, like many open tabs.
 */
export async function signUpUsers(baseUrl: string, count: number): Promise<string[]> {
  const run = randomBytes(3).toString('hex');
  const signUp = async (index: number): Promise<string> => {
    const api = new ApiClient({ baseUrl });
    const email = `bench-${run}-${index}@example.com`;
    await api.sendOtp(email);
    const mailbox = await api.request<Mailbox>('GET', `/api/dev/mailbox?to=${encodeURIComponent(email)}`);
    const code = /\b(\d{6})\b/.exec(mailbox.messages[0]?.text ?? '')?.[1];
    if (!code) throw new Error(`no sign-in code was mailed to ${email}`);
    const session = await api.verifyOtp(email, code);
    await api.onboard(`b${run}_${index}`);
    return session.token;
  };
  const tokens: string[] = [];
  for (let start = 0; start < count; start += 5) {
    const batch = Array.from({ length: Math.min(5, count - start) }, (_, i) => signUp(start + i));
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}
