import { formatUserId } from '@guftagu/contracts';
import { buildSync } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../apps/server/test/harness.js';
import { launchBrowser, signUpThroughPages } from './browser.js';

/**
 * Random video chat in real Chromium with fake camera and microphone: real WebRTC between browser
 * contexts on loopback, signaled through the real server. Visitors are anonymous (no sign-in needed).
 */

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // No public STUN: tests run without internet, and loopback calls need only host candidates.
  server = await startTestServer({ web: true, env: { STUN_URLS: '' } });
  browser = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The call screen is one viewport tall, so shots are of the viewport (a full-page shot adds the footer). */
async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png` });
}

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

/** A visitor on /chat with the preview running and the 18+ box ticked, not yet searching. */
async function openChat(
  viewport = DESKTOP,
  name = 'visitor',
  options: { denyMedia?: boolean } = {},
): Promise<Page> {
  // The name in the user agent lets a test find this visitor's socket on the server.
  const userAgent = `${browser.version()} guftagu-e2e/${name}`;
  const context = await browser.newContext({ viewport, userAgent, permissions: ['camera', 'microphone'] });
  contexts.push(context);
  if (options.denyMedia) {
    // What the browser does when the person clicks "Block" on the permission prompt.
    await context.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
  }
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error')
      console.log(`[page ${viewport.width}] ${message.text()}`);
  });
  await page.goto(`${server.url}/chat`);
  await page.getByTestId('adult-confirm').check();
  // The preview plays once the fake camera is acquired; Start waits for the socket. The first page of
  // a run starts everything cold (the app shell is its own chunk, loaded after the page), so the wait
  // is generous: this checks that it happens, not how fast (the web benchmark measures that).
  if (!options.denyMedia)
    await expect
      .poll(() => videoState(page, 'preview-video').then((v) => v.width), { timeout: 30_000 })
      .toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('chat-start').isEnabled(), { timeout: 30_000 }).toBe(true);
  return page;
}

/** A person who signs up in this browser (emailed code, then a username), then opens /chat ready to start. */
async function signUpAndOpenChat(prefix: string): Promise<{ page: Page; username: string }> {
  const context = await browser.newContext({ viewport: DESKTOP, permissions: ['camera', 'microphone'] });
  contexts.push(context);
  const page = await context.newPage();
  const username = await signUpThroughPages(page, server, prefix);
  // Client-side navigation keeps the session in memory, as a person clicking "Video chat" would.
  await page.getByRole('link', { name: 'Video chat' }).first().click();
  await page.waitForURL(/\/chat$/);
  await page.getByTestId('adult-confirm').check();
  await expect.poll(() => page.getByTestId('chat-start').isEnabled(), { timeout: 30_000 }).toBe(true);
  return { page, username };
}

async function addInterests(page: Page, interests: string[]): Promise<void> {
  const input = page.getByTestId('interest-input');
  for (const interest of interests) {
    await input.fill(interest);
    await input.press('Enter');
  }
}

function phaseOf(page: Page): Promise<string | null> {
  return page.getByTestId('video-chat').getAttribute('data-phase');
}

function matchIdOf(page: Page): Promise<string | null> {
  return page.getByTestId('video-chat').getAttribute('data-match-id');
}

async function waitForPhase(page: Page, phase: string): Promise<void> {
  await expect.poll(() => phaseOf(page), { timeout: 20_000 }).toBe(phase);
}

function videoState(
  page: Page,
  testId: string,
): Promise<{ width: number; time: number; paused: boolean; readyState: number }> {
  return page.evaluate((id) => {
    const video = document.querySelector<HTMLVideoElement>(`[data-testid="${id}"]`);
    return {
      width: video?.videoWidth ?? 0,
      time: video?.currentTime ?? 0,
      paused: video?.paused ?? true,
      readyState: video?.readyState ?? 0,
    };
  }, testId);
}

/** The partner's video is decoding: it has a size and its clock moves forward. */
async function expectRemoteFrames(page: Page): Promise<void> {
  await expect
    .poll(() => videoState(page, 'remote-video').then((v) => v.width), {
      timeout: 20_000,
      message: `no remote frames (call ${await page.getByTestId('call-status').getAttribute('data-status')})`,
    })
    .toBeGreaterThan(0);
  const start = (await videoState(page, 'remote-video')).time;
  await expect
    .poll(() => videoState(page, 'remote-video').then((v) => v.time), {
      timeout: 10_000,
      message: `remote video clock stuck: ${JSON.stringify(await videoState(page, 'remote-video'))}`,
    })
    .toBeGreaterThan(start);
  await expect
    .poll(() => page.getByTestId('call-status').getAttribute('data-status'), { timeout: 20_000 })
    .toBe('connected');
}

describe('random video chat in real browsers', () => {
  it('matches two visitors whose pages both decode the other’s camera', async () => {
    const alice = await openChat(DESKTOP);
    const bob = await openChat(PHONE);
    await screenshot(alice, 'chat-prematch-desktop');
    await screenshot(bob, 'chat-prematch-mobile');

    await bob.getByTestId('chat-start').click();
    await waitForPhase(bob, 'searching');
    await bob.getByTestId('queue-status').waitFor();
    await screenshot(bob, 'chat-searching-mobile');

    await alice.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(alice, 'matched'), waitForPhase(bob, 'matched')]);
    expect(await matchIdOf(alice)).toBe(await matchIdOf(bob));
    expect(await alice.getByTestId('partner-name').innerText()).toBe('Stranger');

    await Promise.all([expectRemoteFrames(alice), expectRemoteFrames(bob)]);
    await expect
      .poll(() => alice.getByTestId('call-quality').getAttribute('data-quality'), { timeout: 15_000 })
      .toMatch(/excellent|good|poor/);
    await screenshot(alice, 'chat-incall-desktop');
    await screenshot(bob, 'chat-incall-mobile');

    // Stop ends it for both: the stopper goes back to the start screen, the partner is told.
    await alice.getByTestId('chat-stop').click();
    await waitForPhase(alice, 'idle');
    await waitForPhase(bob, 'ended');
    expect(await bob.getByTestId('chat-outcome').getAttribute('data-outcome')).toBe('partner_ended');
  });

  it('carries text messages and the typing indicator both ways', async () => {
    const alice = await openChat();
    const bob = await openChat();
    await alice.getByTestId('chat-start').click();
    await bob.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(alice, 'matched'), waitForPhase(bob, 'matched')]);

    await alice.getByTestId('chat-input').fill('Hello from Alice');
    await bob.getByTestId('partner-typing').waitFor({ timeout: 10_000 });
    await alice.getByTestId('chat-send').click();

    const received = bob.locator('[data-testid="chat-message"][data-from="partner"]');
    await expect
      .poll(() => received.allInnerTexts(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Hello from Alice')]);
    await expect.poll(() => bob.getByTestId('partner-typing').count()).toBe(0);
    await expect
      .poll(() => alice.locator('[data-testid="chat-message"][data-from="me"]').getAttribute('data-state'))
      .toBe('sent');

    // Enter sends too; the reply arrives on Alice's side.
    await bob.getByTestId('chat-input').fill('Hi Alice!');
    await bob.getByTestId('chat-input').press('Enter');
    await expect
      .poll(() => alice.locator('[data-testid="chat-message"][data-from="partner"]').allInnerTexts(), {
        timeout: 10_000,
      })
      .toEqual([expect.stringContaining('Hi Alice!')]);

    // Bob reports Alice: the dialog takes a reason and a description, and the chat ends for both.
    await bob.getByTestId('report-open').click();
    await bob.getByTestId('report-dialog').waitFor();
    await bob.getByTestId('report-reason').selectOption('harassment');
    await bob.getByTestId('report-description').fill('Rude from the first message.');
    await bob.getByTestId('report-submit').click();
    await Promise.all([waitForPhase(bob, 'ended'), waitForPhase(alice, 'ended')]);
    expect(await bob.getByTestId('chat-outcome').getAttribute('data-outcome')).toBe('report');
    // Alice is not told she was reported; to her the partner left.
    expect(await alice.getByTestId('chat-outcome').getAttribute('data-outcome')).toBe('partner_ended');
    const reports = await server.db.query<{ reason: string; description: string; transcript: string }>(
      'SELECT reason, description, transcript::text AS transcript FROM reports',
    );
    expect(reports.rows).toContainEqual({
      reason: 'harassment',
      description: 'Rude from the first message.',
      transcript: expect.stringContaining('Hello from Alice'),
    });
  });

  it('moves the first visitor to a newcomer on Next while the skipped one waits again', async () => {
    // Interests make the pairing deterministic: first and second share #chess, first and third #jazz.
    const first = await openChat();
    const second = await openChat();
    const third = await openChat();
    await addInterests(first, ['chess', 'jazz']);
    await addInterests(second, ['chess']);
    await addInterests(third, ['jazz']);

    await first.getByTestId('chat-start').click();
    await waitForPhase(first, 'searching');
    await second.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(first, 'matched'), waitForPhase(second, 'matched')]);
    const firstMatch = await matchIdOf(first);
    expect(await matchIdOf(second)).toBe(firstMatch);

    await third.getByTestId('chat-start').click();
    await waitForPhase(third, 'searching');
    await screenshot(third, 'chat-searching-desktop');

    // The keyboard shortcut is the Next button's twin; press it with focus on the page body.
    await first.locator('body').press('n');
    await Promise.all([waitForPhase(first, 'matched'), waitForPhase(third, 'matched')]);
    await expect.poll(() => matchIdOf(first)).not.toBe(firstMatch);
    expect(await matchIdOf(third)).toBe(await matchIdOf(first));
    await waitForPhase(second, 'searching');
    expect(await second.getByTestId('chat-notice').innerText()).toMatch(/moved on/i);

    await Promise.all([expectRemoteFrames(first), expectRemoteFrames(third)]);
  });

  it('keeps the call when one visitor’s connection drops briefly: the match resumes on a new socket', async () => {
    const alice = await openChat(DESKTOP, 'alice');
    const bob = await openChat(DESKTOP, 'bob');
    await alice.getByTestId('chat-start').click();
    await waitForPhase(alice, 'searching');
    await bob.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(alice, 'matched'), waitForPhase(bob, 'matched')]);
    await Promise.all([expectRemoteFrames(alice), expectRemoteFrames(bob)]);
    const matchId = await matchIdOf(alice);

    // Cut Alice's transport (as a network blip would); her client reconnects on a new socket id.
    const socketOf = () =>
      [...server.io.of('/').sockets.values()].find((socket) =>
        String(socket.handshake.headers['user-agent']).endsWith('/alice'),
      );
    const before = socketOf();
    expect(before).toBeDefined();
    before?.conn.close();
    await expect
      .poll(
        () => {
          const id = socketOf()?.id;
          return id !== undefined && id !== before?.id;
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    // Same match on both sides, and text flows both ways, so Bob now addresses Alice's new socket.
    await expect.poll(() => alice.getByTestId('chat-notice').count(), { timeout: 15_000 }).toBe(0);
    expect(await matchIdOf(alice)).toBe(matchId);
    expect(await matchIdOf(bob)).toBe(matchId);
    await alice.getByTestId('chat-input').fill('still here?');
    await alice.getByTestId('chat-input').press('Enter');
    await expect
      .poll(() => bob.locator('[data-testid="chat-message"][data-from="partner"]').allInnerTexts(), {
        timeout: 10_000,
      })
      .toEqual([expect.stringContaining('still here?')]);
    await bob.getByTestId('chat-input').fill('yes!');
    await bob.getByTestId('chat-input').press('Enter');
    await expect
      .poll(() => alice.locator('[data-testid="chat-message"][data-from="partner"]').allInnerTexts(), {
        timeout: 10_000,
      })
      .toEqual([expect.stringContaining('yes!')]);
    // The media path never depended on the signaling socket.
    await Promise.all([expectRemoteFrames(alice), expectRemoteFrames(bob)]);
  });

  it('shows a signed-in partner’s username and 7-digit ID and sends them a friend request from the call', async () => {
    const alice = await signUpAndOpenChat('alice_');
    const bob = await signUpAndOpenChat('bob_');
    await alice.page.getByTestId('chat-start').click();
    await waitForPhase(alice.page, 'searching');
    await bob.page.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(alice.page, 'matched'), waitForPhase(bob.page, 'matched')]);

    const card = bob.page.getByTestId('partner-card');
    expect(await card.innerText()).toContain(`@${alice.username}`);
    const { rows } = await server.db.query<{ public_id: string }>(
      'SELECT public_id FROM users WHERE username = $1',
      [alice.username],
    );
    expect(await bob.page.getByTestId('partner-id').innerText()).toBe(
      formatUserId(String(rows[0]?.public_id)),
    );

    await bob.page.getByTestId('partner-add-friend').click();
    await expect.poll(() => card.innerText(), { timeout: 10_000 }).toMatch(/Request sent/);
    // Alice's bell lights up during the call.
    await expect
      .poll(() => alice.page.getByTestId('notification-badge').textContent(), { timeout: 10_000 })
      .toBe('1');
  });

  it('tells a waiting visitor about maintenance and about a search that timed out', async () => {
    const visitor = await openChat();
    await visitor.getByTestId('chat-start').click();
    await waitForPhase(visitor, 'searching');
    try {
      // Maintenance switched on while waiting: taken out of the queue and told why.
      await server.matchmaking.updateSettings({ maintenance: true });
      await waitForPhase(visitor, 'unavailable');
      expect(await visitor.getByTestId('chat-outcome').innerText()).toMatch(/maintenance/i);
      // Trying again during maintenance is refused the same way.
      await visitor.getByTestId('chat-again').click();
      await waitForPhase(visitor, 'unavailable');

      await server.matchmaking.updateSettings({ maintenance: false, queueTimeoutMs: 1000 });
      await visitor.getByTestId('chat-again').click();
      await waitForPhase(visitor, 'timed_out');
      expect(await visitor.getByTestId('chat-outcome').innerText()).toMatch(/Nobody’s around/);
      // "Change settings" returns to the start screen.
      await visitor.getByRole('button', { name: 'Change settings' }).click();
      await waitForPhase(visitor, 'idle');
    } finally {
      await server.matchmaking.updateSettings({ maintenance: false, queueTimeoutMs: 600_000 });
    }
  });

  it('explains a blocked camera and still lets that visitor watch and text their partner', async () => {
    const blocked = await openChat(DESKTOP, 'blocked', { denyMedia: true });
    const partner = await openChat(DESKTOP, 'partner');
    await blocked.getByTestId('media-problem').waitFor();
    expect(await blocked.getByTestId('media-problem').getAttribute('data-problem')).toBe('denied');
    expect(await blocked.getByTestId('media-problem').innerText()).toMatch(/blocked/i);

    await blocked.getByTestId('chat-start').click();
    await waitForPhase(blocked, 'searching');
    await partner.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(blocked, 'matched'), waitForPhase(partner, 'matched')]);
    // Receive-only transceivers: the camera-less side still gets the partner's video.
    await expectRemoteFrames(blocked);
    expect(await blocked.getByTestId('toggle-camera').isDisabled()).toBe(true);
    await expect
      .poll(() => partner.getByTestId('remote-video-absent').innerText(), { timeout: 15_000 })
      .toMatch(/isn’t sharing video/);

    await blocked.getByTestId('chat-input').fill('My camera is off, but hi!');
    await blocked.getByTestId('chat-input').press('Enter');
    await expect
      .poll(() => partner.locator('[data-testid="chat-message"][data-from="partner"]').allInnerTexts(), {
        timeout: 10_000,
      })
      .toEqual([expect.stringContaining('My camera is off')]);

    // Esc is Stop's shortcut: the partner leaves, the camera-less visitor is told.
    await partner.locator('body').press('Escape');
    await waitForPhase(partner, 'idle');
    await waitForPhase(blocked, 'ended');
  });
});

/** Whether the element's box lies fully inside the viewport (nothing scrolled or clipped away). */
async function inViewport(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).first().boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  return box !== null && box.height > 0 && box.y >= 0 && box.y + box.height <= height;
}

/** The largest scroll offset the document has had since this was called (the page itself must not move). */
async function watchPageScroll(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { maxPageScroll: number };
    w.maxPageScroll = document.scrollingElement?.scrollTop ?? 0;
    window.addEventListener('scroll', () => {
      w.maxPageScroll = Math.max(w.maxPageScroll, document.scrollingElement?.scrollTop ?? 0);
    });
  });
  return () =>
    page.evaluate(() =>
      Math.max(
        (window as unknown as { maxPageScroll: number }).maxPageScroll,
        document.scrollingElement?.scrollTop ?? 0,
      ),
    );
}

describe('random video chat on a phone', () => {
  const CALL_IN_VIEW = ['remote-video', 'chat-next', 'chat-stop', 'chat-input'];

  it('keeps the partner’s video, Next/Stop and the message box on one screen while typing', async () => {
    const phone = await openChat(PHONE, 'phone');
    const laptop = await openChat({ width: 1280, height: 800 }, 'laptop');
    const maxScroll = await watchPageScroll(phone);
    // Before a match Start is in reach without scrolling.
    expect(await inViewport(phone, 'chat-start')).toBe(true);
    await screenshot(phone, 'chat-prematch-mobile');
    await screenshot(laptop, 'chat-prematch-desktop');
    await phone.setViewportSize({ width: PHONE.height, height: PHONE.width });
    expect(await inViewport(phone, 'chat-start')).toBe(true);
    await screenshot(phone, 'chat-prematch-landscape');
    await phone.setViewportSize(PHONE);

    await phone.getByTestId('chat-start').click();
    await waitForPhase(phone, 'searching');
    await phone.getByTestId('queue-status').waitFor();
    expect(await inViewport(phone, 'chat-stop')).toBe(true);
    await screenshot(phone, 'chat-searching-mobile');

    await laptop.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(phone, 'matched'), waitForPhase(laptop, 'matched')]);
    await Promise.all([expectRemoteFrames(phone), expectRemoteFrames(laptop)]);

    // A message while the sheet is closed shows as a count on its button.
    await laptop.getByTestId('chat-input').fill('Hello phone');
    await laptop.getByTestId('chat-input').press('Enter');
    await expect
      .poll(() => phone.getByTestId('chat-sheet-unread').textContent(), { timeout: 10_000 })
      .toMatch(/^1/);

    await phone.getByTestId('chat-sheet-toggle').click();
    const input = phone.getByTestId('chat-input');
    await input.focus();
    await input.pressSequentially('Hi from my phone');
    for (const testId of CALL_IN_VIEW) expect(await inViewport(phone, testId), testId).toBe(true);
    await screenshot(phone, 'chat-incall-sheet-mobile');

    // The on-screen keyboard leaves about 540 px: everything still fits, and the page does not scroll.
    await phone.setViewportSize({ width: PHONE.width, height: 540 });
    await input.pressSequentially('!');
    for (const testId of CALL_IN_VIEW) expect(await inViewport(phone, testId), testId).toBe(true);
    await screenshot(phone, 'chat-incall-keyboard-mobile');
    await input.press('Enter');
    await expect
      .poll(() => laptop.locator('[data-testid="chat-message"][data-from="partner"]').allInnerTexts(), {
        timeout: 10_000,
      })
      .toEqual([expect.stringContaining('Hi from my phone!')]);
    expect(await maxScroll()).toBe(0);
    await screenshot(laptop, 'chat-incall-desktop');

    // Landscape: the same call, still without page scroll.
    await phone.setViewportSize({ width: PHONE.height, height: PHONE.width });
    for (const testId of CALL_IN_VIEW) expect(await inViewport(phone, testId), testId).toBe(true);
    await screenshot(phone, 'chat-incall-landscape');
    expect(await maxScroll()).toBe(0);
  });

  it('clears the previous partner’s messages after Next', async () => {
    const phone = await openChat(PHONE, 'phone-next');
    const first = await openChat(DESKTOP, 'first');
    await phone.getByTestId('chat-start').click();
    await waitForPhase(phone, 'searching');
    await first.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(phone, 'matched'), waitForPhase(first, 'matched')]);

    await phone.getByTestId('chat-sheet-toggle').click();
    await first.getByTestId('chat-input').fill('Last words from first');
    await first.getByTestId('chat-input').press('Enter');
    const fromPartner = phone.locator('[data-testid="chat-message"][data-from="partner"]');
    await expect
      .poll(() => fromPartner.allInnerTexts(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Last words from first')]);

    // Next: the skipped partner is not offered again at once, so the phone waits, with an empty chat.
    await phone.getByTestId('chat-next').click();
    await waitForPhase(phone, 'searching');
    expect(await fromPartner.count()).toBe(0);
    expect(await phone.getByTestId('text-chat').innerText()).not.toContain('Last words');
    await screenshot(phone, 'chat-after-next-mobile');

    const second = await openChat(DESKTOP, 'second');
    await second.getByTestId('chat-start').click();
    await Promise.all([waitForPhase(phone, 'matched'), waitForPhase(second, 'matched')]);
    expect(await phone.getByTestId('text-chat').innerText()).not.toContain('Last words');
    expect(await fromPartner.count()).toBe(0);
  });
});

/**
 * Runs in the page: two PerfectNegotiationPeers (the app's own class, bundled from source) wired to each
 * other through an asynchronous channel. Once connected, both restart ICE in the same tick, so both
 * send an offer at once (glare); the pattern must settle on one and keep the call up.
 */
const GLARE_SCRIPT = `(async () => {
  const { PerfectNegotiationPeer } = window.PerfectNegotiation;
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  const peers = {};
  const offersAfterRestart = { a: 0, b: 0 };
  let restarted = false;
  const make = (name, other, polite) => new PerfectNegotiationPeer({
    polite,
    iceServers: [],
    relayOnly: false,
    localStream: stream,
    send: (signal) => {
      if (restarted && signal.kind === 'description' && signal.description.type === 'offer') offersAfterRestart[name] += 1;
      setTimeout(() => peers[other].receive(signal), 5);
    },
    onRemoteStream: () => {},
    onStateChange: () => {},
  });
  peers.a = make('a', 'b', false);
  peers.b = make('b', 'a', true);
  const settled = async () => {
    for (let i = 0; i < 300; i += 1) {
      const ok = ['a', 'b'].every((name) =>
        peers[name].connection.connectionState === 'connected' && peers[name].connection.signalingState === 'stable');
      if (ok) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  };
  const ufrag = (name) => /a=ice-ufrag:(\\S+)/.exec(peers[name].connection.remoteDescription?.sdp ?? '')?.[1];
  const connectedFirst = await settled();
  const before = { a: ufrag('a'), b: ufrag('b') };
  restarted = true;
  peers.a.connection.restartIce();
  peers.b.connection.restartIce();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const connectedAfter = await settled();
  const result = {
    connectedFirst,
    connectedAfter,
    offersAfterRestart,
    ufragsChanged: ufrag('a') !== before.a && ufrag('b') !== before.b,
  };
  peers.a.close();
  peers.b.close();
  for (const track of stream.getTracks()) track.stop();
  return result;
})()`;

describe('perfect negotiation', () => {
  it('keeps a call up when both sides send an offer at the same moment (glare)', async () => {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    contexts.push(context);
    const page = await context.newPage();
    // Any page of the app: a secure origin for getUserMedia.
    await page.goto(`${server.url}/help`);
    const bundle = buildSync({
      entryPoints: [new URL('../apps/web/lib/webrtc/perfect-negotiation.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      globalName: 'PerfectNegotiation',
      write: false,
    });
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    const result = await page.evaluate(GLARE_SCRIPT);
    expect(result).toEqual({
      connectedFirst: true,
      connectedAfter: true,
      // Both sides really offered (the glare happened) ...
      offersAfterRestart: { a: expect.any(Number), b: expect.any(Number) },
      // ... and the restart completed on both.
      ufragsChanged: true,
    });
    const offers = (result as { offersAfterRestart: { a: number; b: number } }).offersAfterRestart;
    expect(offers.a).toBeGreaterThanOrEqual(1);
    expect(offers.b).toBeGreaterThanOrEqual(1);
  });
});
