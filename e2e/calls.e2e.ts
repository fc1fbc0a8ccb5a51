import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { befriend, type SignedUp, startTestServer, type TestServer } from '../apps/server/test/harness.js';
import { launchBrowser } from './browser.js';

/**
 * 1:1 calls in real Chromium with fake camera and microphone: two (or three) signed-in people, real
 * WebRTC on loopback, signaled through the real server.
 */

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const SHOTS = process.env.E2E_SCREENSHOTS ?? '/tmp/shots';

beforeAll(async () => {
  // No public STUN: tests run without internet, and loopback calls need only host candidates.
  server = await startTestServer({ web: true, env: { STUN_URLS: '' } });
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A browser signed in as `user` (the refresh cookie handed over, as for a returning visitor). */
async function openAs(user: SignedUp, viewport = DESKTOP): Promise<Page> {
  const cookie = user.api.refreshCookieValue;
  if (!cookie) throw new Error('no refresh cookie');
  const context = await browser.newContext({ viewport, permissions: ['camera', 'microphone'] });
  contexts.push(context);
  const hostname = new URL(server.url).hostname;
  await context.addCookies([
    {
      name: 'guftagu_rt',
      value: cookie.replace(/^guftagu_rt=/, ''),
      domain: hostname,
      path: '/api/auth',
      httpOnly: true,
      sameSite: 'Strict',
    },
    { name: 'guftagu_session', value: '1', domain: hostname, path: '/', sameSite: 'Strict' },
  ]);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`[page ${viewport.width}] ${message.text()}`);
  });
  return page;
}

async function openChat(page: Page, userId: string): Promise<void> {
  await page.goto(`${server.url}/messages/${userId}`);
  await page.getByTestId('chat').waitFor({ timeout: 20_000 });
}

/** Waits until the page's socket is signed in, so calls can reach it. */
async function openFriends(page: Page): Promise<void> {
  await page.goto(`${server.url}/friends`);
  await page.getByTestId('friend-card').first().waitFor({ timeout: 20_000 });
}

/** Until the person's page has a signed-in socket (calls to someone offline are refused at once). */
async function untilOnline(user: SignedUp): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await server.db.query<{ online: boolean }>('select is_online as online from users where id = $1', [
            user.userId,
          ])
        ).rows[0]?.online,
      { timeout: 20_000 },
    )
    .toBe(true);
}

function videoState(page: Page, testId: string): Promise<{ width: number; time: number }> {
  return page.evaluate((id) => {
    const video = document.querySelector<HTMLVideoElement>(`[data-testid="${id}"]`);
    return { width: video?.videoWidth ?? 0, time: video?.currentTime ?? 0 };
  }, testId);
}

/** Remote frames are decoded: a width, and a clock that moves on. */
async function expectRemoteFrames(page: Page): Promise<void> {
  await expect
    .poll(() => videoState(page, 'call-remote-video').then((v) => v.width), { timeout: 20_000 })
    .toBeGreaterThan(0);
  const first = (await videoState(page, 'call-remote-video')).time;
  await expect
    .poll(() => videoState(page, 'call-remote-video').then((v) => v.time), { timeout: 10_000 })
    .toBeGreaterThan(first);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/calls-${name}.png` });
}

async function pair(): Promise<[SignedUp, SignedUp]> {
  const [a, b] = await Promise.all([server.signUp(), server.signUp()]);
  await befriend(a, b);
  return [a, b];
}

describe('1:1 calls', () => {
  it('A video-calls B from the DM header, B answers, both see each other, then A hangs up', async () => {
    const [alice, bob] = await pair();
    const a = await openAs(alice);
    const b = await openAs(bob);
    await openFriends(b);
    await openChat(a, bob.userId);
    await untilOnline(bob);

    await a.getByTestId('call-video').first().click();
    await b.getByTestId('incoming-call').waitFor({ timeout: 15_000 });
    await expect.poll(() => a.getByTestId('call-status').first().innerText()).toContain('Calling');
    await shot(a, 'outgoing-desktop');
    await shot(b, 'incoming-desktop');

    await b.getByTestId('call-accept-video').click();
    await expectRemoteFrames(a);
    await expectRemoteFrames(b);
    await expect
      .poll(() => a.getByTestId('call-duration').first().innerText(), { timeout: 10_000 })
      .toMatch(/^\d+:\d\d$/);
    await shot(a, 'active-desktop');

    // Minimised, the call stays up while browsing; the bar brings it back.
    await a.getByTestId('call-minimise').click();
    await a.getByTestId('call-bar').waitFor();
    await shot(a, 'bar-desktop');
    await a.getByTestId('call-expand').click();
    await a.getByTestId('call-view').waitFor();

    await a.getByTestId('call-hang-up').click();
    await b.getByTestId('call-view').waitFor({ state: 'detached', timeout: 15_000 });
    // The call's line in the conversation.
    await expect
      .poll(() => a.getByText(/Video call · \d+:\d\d/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
  });

  it('works on a phone: the incoming modal and the call view at 390×844', async () => {
    const [alice, bob] = await pair();
    const a = await openAs(alice);
    const b = await openAs(bob, PHONE);
    await openFriends(b);
    await openFriends(a);
    await untilOnline(bob);
    await a.getByTestId('call-video').first().click();
    await b.getByTestId('incoming-call').waitFor({ timeout: 15_000 });
    await shot(b, 'incoming-phone');
    await b.getByTestId('call-accept-video').click();
    await expectRemoteFrames(b);
    await shot(b, 'active-phone');
    await b.getByTestId('call-minimise').click();
    await b.getByTestId('call-bar').waitFor();
    await shot(b, 'bar-phone');
    await b.getByTestId('call-bar').getByRole('button', { name: 'Hang up' }).click();
    await a.getByTestId('call-view').waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('B declines: A is told, nobody is left in a call', async () => {
    const [alice, bob] = await pair();
    const a = await openAs(alice);
    const b = await openAs(bob);
    await openFriends(b);
    await openChat(a, bob.userId);
    await untilOnline(bob);
    await a.getByTestId('call-voice').first().click();
    await b.getByTestId('incoming-call').waitFor({ timeout: 15_000 });
    await b.getByTestId('call-decline').click();
    await expect
      .poll(() => a.getByTestId('call-status').first().innerText(), { timeout: 10_000 })
      .toContain('declined');
    await shot(a, 'declined-desktop');
    await a.getByTestId('call-view').waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => b.getByTestId('incoming-call').count()).toBe(0);
  });

  it('a third person calling someone already in a call is told they are busy', async () => {
    const [alice, bob] = await pair();
    const carol = await server.signUp();
    await befriend(carol, bob);
    const a = await openAs(alice);
    const b = await openAs(bob);
    const c = await openAs(carol);
    await openFriends(b);
    await openChat(a, bob.userId);
    await openChat(c, bob.userId);
    await untilOnline(bob);
    await a.getByTestId('call-voice').first().click();
    await b.getByTestId('incoming-call').waitFor({ timeout: 15_000 });
    await b.getByTestId('call-accept-voice').click();
    await b.getByTestId('call-view').waitFor();

    await c.getByTestId('call-voice').first().click();
    await expect
      .poll(() => c.getByTestId('call-status').first().innerText(), { timeout: 10_000 })
      .toContain('in another call');
    await shot(c, 'busy-desktop');
    await a.getByTestId('call-hang-up').click();
    await b.getByTestId('call-view').waitFor({ state: 'detached', timeout: 15_000 });
  });
});
