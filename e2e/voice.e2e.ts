import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChannel, createServer, join } from '../apps/server/test/communities.js';
import { type SignedUp, startTestServer, type TestServer } from '../apps/server/test/harness.js';
import { launchBrowser } from './browser.js';

/**
 * A voice channel in real Chromium with fake microphones: three people join one channel, and the full
 * mesh (lib/webrtc's PeerCall per pair, signaled with `voice_signal`) gives each two remote audio tracks.
 */

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const SHOTS = process.env.E2E_SCREENSHOTS ?? '/tmp/shots';

beforeAll(async () => {
  // No public STUN: tests run without internet, and loopback needs only host candidates.
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

/** Live remote audio tracks across the page's voice audio elements. */
function remoteAudioTracks(page: Page): Promise<number> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAudioElement>('[data-testid="voice-audio"]')).reduce(
      (count, audio) => {
        const stream = audio.srcObject as MediaStream | null;
        return count + (stream?.getAudioTracks().filter((track) => track.readyState === 'live').length ?? 0);
      },
      0,
    ),
  );
}

describe('voice channels in real browsers', () => {
  it('three people join one voice channel and each receives two remote audio tracks', async () => {
    const [alice, bob, carol] = await Promise.all([server.signUp(), server.signUp(), server.signUp()]);
    const detail = await createServer(alice, 'Voice test');
    const serverId = detail.server.id;
    await join(bob, detail.server.inviteCode);
    await join(carol, detail.server.inviteCode);
    const lounge = await createChannel(alice, serverId, { name: 'Lounge', type: 'voice' });

    const pages: Page[] = [];
    for (const user of [alice, bob, carol]) {
      const page = await openAs(user);
      await page.goto(`${server.url}/servers/${serverId}/${lounge.id}`);
      await page.getByTestId('voice-stage').waitFor({ timeout: 20_000 });
      await page.getByTestId('voice-join').click({ timeout: 20_000 });
      await page.getByTestId('voice-panel').waitFor({ timeout: 15_000 });
      pages.push(page);
    }

    for (const page of pages) {
      await expect.poll(() => page.getByTestId('voice-member').count(), { timeout: 20_000 }).toBe(3);
      await expect.poll(() => remoteAudioTracks(page), { timeout: 30_000 }).toBe(2);
      await expect
        .poll(() => page.getByTestId('voice-panel').innerText(), { timeout: 30_000 })
        .toContain('2/2 linked');
    }
    const [a, b] = pages as [Page, Page, Page];
    await expect.poll(() => a.getByTestId('voice-tile').count()).toBe(3);
    await a.screenshot({ path: `${SHOTS}/voice-stage-desktop.png` });

    // Muting shows on everyone's sidebar; disconnecting removes the person everywhere.
    await a.getByTestId('voice-mute').click();
    await expect
      .poll(
        () =>
          b
            .locator(
              `[data-testid="voice-member"][data-user-id="${alice.userId}"] [data-testid="voice-muted"]`,
            )
            .count(),
        {
          timeout: 10_000,
        },
      )
      .toBe(1);
    await a.getByTestId('voice-disconnect').click();
    await expect.poll(() => b.getByTestId('voice-member').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => remoteAudioTracks(b), { timeout: 10_000 }).toBe(1);

    const phone = await openAs(alice, PHONE);
    await phone.goto(`${server.url}/servers/${serverId}/${lounge.id}`);
    await phone.getByTestId('voice-stage').waitFor({ timeout: 20_000 });
    await phone.screenshot({ path: `${SHOTS}/voice-stage-phone.png` });
  });
});
