import {
  ZConversationsResponse,
  ZDmMessageResponse,
  ZMarkDmReadResponse,
  ZMessagesResponse,
  ZSendDmResponse,
} from '@guftagu/contracts';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  type SignedUp,
  startTestServer,
  type TestServer,
} from '../apps/server/test/harness.js';
import { launchBrowser } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ web: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };

/**
 * Opens a browser signed in as `user`: the refresh cookie the API client holds is handed to the
 * browser, which trades it for an access token on load exactly like a returning visitor.
 */
async function openAs(user: SignedUp): Promise<{ context: BrowserContext; page: Page }> {
  const cookie = user.api.refreshCookieValue;
  if (!cookie) throw new Error('no refresh cookie');
  const context = await browser.newContext({ viewport: DESKTOP });
  await context.addCookies([
    {
      name: 'guftagu_rt',
      value: cookie.replace(/^guftagu_rt=/, ''),
      domain: new URL(server.url).hostname,
      path: '/api/auth',
      httpOnly: true,
      sameSite: 'Strict',
    },
    // The hint the server sets next to it, which tells the page a session may exist.
    {
      name: 'guftagu_session',
      value: '1',
      domain: new URL(server.url).hostname,
      path: '/',
      sameSite: 'Strict',
    },
  ]);
  return { context, page: await context.newPage() };
}

const bubbles = (page: Page) => page.getByTestId('message');
const mine = (page: Page) => page.locator('[data-testid="message"][data-mine="true"]');
const theirs = (page: Page) => page.locator('[data-testid="message"][data-mine="false"]');
const statusOf = (bubble: ReturnType<Page['locator']>) =>
  bubble.getByTestId('message-status').getAttribute('data-status');

async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('message-input').fill(text);
  await page.getByTestId('message-input').press('Enter');
}

async function openChat(page: Page, userId: string): Promise<void> {
  await page.goto(`${server.url}/messages/${userId}`);
  await page.getByTestId('chat').waitFor({ timeout: 20_000 });
}

/** A picture worth looking at in the screenshots, rendered locally (no network). */
function samplePicture(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="640">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#6b55f6"/><stop offset="0.55" stop-color="#ff63a5"/><stop offset="1" stop-color="#ffc27a"/>
    </linearGradient></defs>
    <rect width="960" height="640" fill="url(#g)"/>
    <circle cx="720" cy="180" r="90" fill="#fff" fill-opacity="0.35"/>
    <path d="M0 520 L260 330 L430 470 L640 280 L960 560 L960 640 L0 640 Z" fill="#050509" fill-opacity="0.55"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * The messages pages fill the viewport and scroll inside, so the picture is the viewport. The pointer
 * is parked first so no hover toolbar is caught mid-way.
 */
async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await page.bringToFront();
  await page.mouse.move(2, 2);
  await page.waitForTimeout(300); // the hover toolbar fades out over 150 ms
  await page.screenshot({ path: `${dir}/${name}.png` });
}

/**
 * How many clearly coloured pixels `sample` paints in the font stack `element` uses, drawn black on white
 * in a probe on top of the page. A colour emoji glyph paints hundreds; the empty box a system without an
 * emoji font shows is black, so it paints none.
 */
async function colourPixelsOf(element: Locator, sample: string): Promise<number> {
  const page = element.page();
  await element.evaluate(async (target, text) => {
    const family = getComputedStyle(target).fontFamily;
    const probe = document.createElement('span');
    probe.id = 'emoji-probe';
    probe.textContent = text;
    Object.assign(probe.style, {
      position: 'fixed',
      left: '0',
      top: '0',
      zIndex: '2147483647',
      padding: '4px',
      background: '#fff',
      color: '#000',
      fontFamily: family,
      fontSize: '48px',
      lineHeight: '1',
    });
    document.body.append(probe);
    await document.fonts.load(`48px ${family}`, text);
  }, sample);
  const png = await page.locator('#emoji-probe').screenshot();
  await page.evaluate(() => document.getElementById('emoji-probe')?.remove());
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let coloured = 0;
  for (let index = 0; index < data.length; index += info.channels) {
    const [red = 0, green = 0, blue = 0] = data.subarray(index, index + 3);
    if (Math.max(red, green, blue) - Math.min(red, green, blue) > 48) coloured++;
  }
  return coloured;
}

async function signUp(name: string, displayName: string): Promise<SignedUp> {
  const user = await server.signUp({ username: `${name}${Math.random().toString(36).slice(2, 7)}` });
  await user.api.request('PUT', '/api/user/profile', { displayName });
  return user;
}

describe('direct messages in real browsers', () => {
  it('two friends chat live: ticks go ✓ → ✓✓ → blue, typing shows, replies, reactions, an image, and a reload keeps it all', async () => {
    const alice = await signUp('alice_', 'Alice Carter');
    const bob = await signUp('bob_', 'Bob Mehta');
    await befriend(alice, bob);

    // Alice writes while Bob is offline: stored, not delivered (one gray tick).
    const a = await openAs(alice);
    await openChat(a.page, bob.userId);
    await a.page.getByTestId('chat-empty').waitFor();
    await screenshot(a.page, 'messages-chat-empty');
    await send(a.page, 'Hey Bob! Are you around tonight? 🌙');
    await expect.poll(() => statusOf(mine(a.page).last()), { timeout: 10_000 }).toBe('sent');

    // Bob comes online on his conversation list: the message is delivered (two gray ticks) and unread.
    const b = await openAs(bob);
    await b.page.goto(`${server.url}/friends`);
    const friend = b.page.locator(
      `[data-testid="friend-card"][data-username="${alice.session.user.username}"]`,
    );
    await expect.poll(() => friend.getByTestId('friend-unread').textContent(), { timeout: 20_000 }).toBe('1');
    await b.page.getByTestId('messages-header-button').click();
    const card = b.page.locator(`[data-testid="conversation-card"][data-user-id="${alice.userId}"]`);
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.getAttribute('data-unread'), { timeout: 10_000 }).toBe('1');
    await expect.poll(() => b.page.getByTestId('messages-unread-badge').textContent()).toBe('1');
    await expect.poll(() => statusOf(mine(a.page).last()), { timeout: 15_000 }).toBe('delivered');

    // Bob opens the chat: Alice sees blue ticks, Bob's badge clears.
    await card.click();
    await b.page.getByTestId('chat').waitFor();
    await expect.poll(() => theirs(b.page).count()).toBe(1);
    await expect.poll(() => statusOf(mine(a.page).last()), { timeout: 15_000 }).toBe('read');
    await expect.poll(() => b.page.getByTestId('messages-unread-badge').count(), { timeout: 10_000 }).toBe(0);

    // Bob types: Alice sees the indicator; it goes when he sends.
    await b.page.getByTestId('message-input').pressSequentially('Yes', { delay: 40 });
    await a.page.getByTestId('typing-indicator').waitFor({ timeout: 10_000 });
    await b.page.getByTestId('message-input').press('Enter');
    await expect.poll(() => theirs(a.page).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => a.page.getByTestId('typing-indicator').count(), { timeout: 10_000 }).toBe(0);

    // Bob replies to Alice's first message and reacts to it.
    const first = theirs(b.page).first();
    await first.hover();
    await first.getByTestId('message-reply').click();
    await b.page.getByTestId('composer-context').waitFor();
    await send(b.page, 'Free after 8 — dinner at the new place?');
    await first.hover();
    await first.getByTestId('message-more').click();
    await b.page.getByTestId('message-menu').getByRole('menuitem', { name: 'React with ❤️' }).click();

    await expect.poll(() => a.page.getByTestId('reply-quote').count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => mine(a.page).first().getByTestId('reaction-chip').getAttribute('data-emoji'), {
        timeout: 10_000,
      })
      .toBe('❤️');

    // Alice edits her first message from its menu; Bob sees the new text with the "edited" marker.
    const aliceFirst = mine(a.page).first();
    await aliceFirst.hover();
    await aliceFirst.getByTestId('message-more').click();
    await a.page.getByTestId('message-edit').click();
    await a.page.locator('[data-testid="composer-context"][data-kind="edit"]').waitFor();
    await a.page.getByTestId('message-input').fill('Hey Bob! Are you around tonight? 🌙✨');
    await a.page.getByTestId('message-input').press('Enter');
    await expect
      .poll(() => theirs(b.page).first().getByTestId('message-edited').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await theirs(b.page).first().getByTestId('message-text').textContent()).toBe(
      'Hey Bob! Are you around tonight? 🌙✨',
    );

    // A message sent by mistake is deleted for everyone: Bob keeps only a tombstone.
    await send(a.page, 'oops, wrong chat');
    await expect.poll(() => theirs(b.page).count(), { timeout: 10_000 }).toBe(2);
    const oops = mine(a.page).last();
    await oops.hover();
    await oops.getByTestId('message-more').click();
    await a.page.getByTestId('message-delete-everyone').click();
    await expect.poll(() => b.page.getByTestId('message-tombstone').count(), { timeout: 10_000 }).toBe(1);
    // …and the list's preview follows (it refreshes on the deletion).
    await expect.poll(() => b.page.getByText('oops, wrong chat').count(), { timeout: 10_000 }).toBe(0);

    // Alice shares a picture (uploaded with progress, then sent with the message).
    await a.page.getByTestId('attachment-input').setInputFiles({
      name: 'sunset.png',
      mimeType: 'image/png',
      buffer: await samplePicture(),
    });
    await a.page.locator('[data-testid="attachment-draft"][data-state="done"]').waitFor({ timeout: 20_000 });
    await send(a.page, 'Sounds perfect. Look at this sky 😍');
    await b.page.getByTestId('message-image').waitFor({ timeout: 15_000 });
    await expect.poll(() => statusOf(mine(a.page).last()), { timeout: 15_000 }).toBe('read');
    await a.page.waitForTimeout(400); // let the image decode before the picture is taken
    await screenshot(a.page, 'messages-chat-desktop');
    await screenshot(b.page, 'messages-chat-desktop-theirs');

    // The list reflects it all.
    await a.page.goto(`${server.url}/messages`);
    await a.page.getByTestId('conversation-card').first().waitFor();
    await screenshot(a.page, 'messages-list-desktop');

    // A reload keeps the history, in order, with the same states.
    const before = await bubbles(b.page).allTextContents();
    await b.page.reload();
    await b.page.getByTestId('chat').waitFor();
    await expect.poll(() => bubbles(b.page).count(), { timeout: 15_000 }).toBe(before.length);
    expect(await bubbles(b.page).allTextContents()).toEqual(before);

    // Phone layout: the list, then the chat alone with a back button.
    const phone = { page: await a.context.newPage() };
    await phone.page.setViewportSize(PHONE);
    await phone.page.goto(`${server.url}/messages`);
    await phone.page.getByTestId('conversation-card').first().waitFor({ timeout: 20_000 });
    await screenshot(phone.page, 'messages-list-mobile');
    await phone.page.getByTestId('conversation-card').first().click();
    await phone.page.getByTestId('chat').waitFor();
    await phone.page.getByTestId('chat-back').waitFor();
    await phone.page.getByTestId('message-image').waitFor();
    await phone.page.waitForTimeout(400);
    await screenshot(phone.page, 'messages-chat-mobile');

    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('a stranger’s first message waits as a request until it is accepted from the request view', async () => {
    const alice = await signUp('dana_', 'Dana Okafor');
    const stranger = await signUp('sam_', 'Sam Rivera');

    const sent = await call(stranger.api, ZSendDmResponse, 'POST', '/api/messages/send', {
      to: alice.userId,
      message: 'Hi Dana — we met at the design meetup. Mind if I send you the slides?',
      nonce: 'request-1',
    });
    expect(sent.message.recipientId).toBe(alice.userId);

    const a = await openAs(alice);
    // The inbox stays clean; the request waits in its own tab.
    await a.page.goto(`${server.url}/messages`);
    await a.page.getByTestId('conversations-empty').waitFor({ timeout: 20_000 });
    await screenshot(a.page, 'messages-empty-desktop');
    await a.page.getByRole('tab', { name: /Requests/ }).click();
    const card = a.page.locator(`[data-testid="conversation-card"][data-user-id="${stranger.userId}"]`);
    await card.waitFor({ timeout: 10_000 });
    await card.click();
    await a.page.getByTestId('request-view').waitFor({ timeout: 10_000 });
    // Until she answers, there is nothing to type into.
    expect(await a.page.getByTestId('message-input').count()).toBe(0);
    await screenshot(a.page, 'messages-request-desktop');

    await a.page.getByTestId('request-accept').click();
    await expect.poll(() => a.page.getByTestId('request-view').count(), { timeout: 10_000 }).toBe(0);
    await a.page.getByTestId('message-input').waitFor();
    expect(await a.page.getByTestId('message-input').isDisabled()).toBe(false);
    // The Requests tab she came from is still selected, and now empty.
    await a.page.getByTestId('conversations-empty').waitFor({ timeout: 10_000 });
    await send(a.page, 'Of course, send them over!');
    await expect.poll(() => statusOf(mine(a.page).last()), { timeout: 10_000 }).not.toBeNull();

    // The stranger's side sees the reply, and the conversation is no longer a request.
    await expect
      .poll(
        async () =>
          (await call(stranger.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`)).messages.map(
            (message) => message.content,
          ),
        { timeout: 10_000 },
      )
      .toContain('Of course, send them over!');
    const requests = await call(
      alice.api,
      ZConversationsResponse,
      'GET',
      '/api/messages/conversations?view=requests',
    );
    expect(requests.conversations).toHaveLength(0);

    // The same request view on a phone, for the record.
    const other = await signUp('lee_', 'Lee Park');
    await call(other.api, ZSendDmResponse, 'POST', '/api/messages/send', {
      to: alice.userId,
      message: 'Hello! Loved your talk.',
      nonce: 'request-2',
    });
    const phone = { page: await a.context.newPage() };
    await phone.page.setViewportSize(PHONE);
    await phone.page.goto(`${server.url}/messages?view=archived`);
    await phone.page.getByTestId('conversations-empty').waitFor({ timeout: 20_000 });
    await screenshot(phone.page, 'messages-empty-mobile');
    await openChat(phone.page, other.userId);
    await phone.page.getByTestId('request-view').waitFor({ timeout: 10_000 });
    await screenshot(phone.page, 'messages-request-mobile');

    // Back on her desktop, she archives the chat from its menu; it moves to the Archived tab.
    await a.page.bringToFront();
    await a.page.getByRole('button', { name: 'Chat options' }).click();
    await a.page.getByRole('menuitem', { name: 'Archive chat' }).click();
    await a.page.getByRole('tab', { name: 'Archived' }).click();
    await a.page
      .locator(`[data-testid="conversation-card"][data-user-id="${stranger.userId}"]`)
      .waitFor({ timeout: 10_000 });

    await a.context.close();
  });

  it('catches up after a dropped connection: what the open chat shows equals a fresh load', async () => {
    const alice = await signUp('ana_', 'Ana Silva');
    const bob = await signUp('ben_', 'Ben Adeyemi');
    await befriend(alice, bob);
    await call(bob.api, ZSendDmResponse, 'POST', '/api/messages/send', {
      to: alice.userId,
      message: 'Before the tunnel',
      nonce: 'before-1',
    });

    const a = await openAs(alice);
    await openChat(a.page, bob.userId);
    await send(a.page, 'Heading into a tunnel, back soon');
    await expect.poll(() => statusOf(mine(a.page).last()), { timeout: 10_000 }).toBe('sent');

    // Alice's connection drops (and stays down while Bob is busy).
    await a.context.setOffline(true);
    for (const socket of server.io.of('/').sockets.values()) {
      if (socket.rooms.has(`user:${alice.userId}`)) socket.conn.close();
    }

    // Bob sends 20 messages, edits two, deletes one for everyone, reacts, and reads Alice's message.
    const burst = [];
    for (let index = 1; index <= 20; index++) {
      const { message } = await call(bob.api, ZSendDmResponse, 'POST', '/api/messages/send', {
        to: alice.userId,
        message: `Update ${index}`,
        nonce: `burst-${index}`,
      });
      burst.push(message);
    }
    const [third, seventh, twelfth] = [burst[2], burst[6], burst[11]];
    if (!third || !seventh || !twelfth) throw new Error('burst incomplete');
    await bob.api.request('PATCH', `/api/messages/by-id/${third.id}`, { message: 'Update 3, corrected' });
    await bob.api.request('PATCH', `/api/messages/by-id/${twelfth.id}`, { message: 'Update 12, corrected' });
    await bob.api.request('DELETE', `/api/messages/by-id/${seventh.id}?scope=everyone`);
    const history = await call(bob.api, ZMessagesResponse, 'GET', `/api/messages/${alice.userId}`);
    const hers = history.messages.find((message) => message.senderId === alice.userId);
    if (!hers) throw new Error('Alice’s message is missing');
    await call(bob.api, ZDmMessageResponse, 'POST', `/api/messages/by-id/${hers.id}/reactions`, {
      emoji: '👍',
    });
    await call(bob.api, ZMarkDmReadResponse, 'PUT', '/api/messages/read', { fromUserId: alice.userId });

    // She comes back: the open chat catches up without a reload.
    await a.context.setOffline(false);
    await expect.poll(() => bubbles(a.page).count(), { timeout: 30_000 }).toBe(22);
    await expect.poll(() => statusOf(mine(a.page).last()), { timeout: 15_000 }).toBe('read');

    const snapshot = () =>
      a.page.getByTestId('message').evaluateAll((nodes) =>
        nodes.map((node) => ({
          id: node.getAttribute('data-message-id'),
          text: node.querySelector('[data-testid="message-text"]')?.textContent ?? null,
          deleted: node.getAttribute('data-deleted'),
          edited: node.querySelector('[data-testid="message-edited"]') !== null,
          status: node.querySelector('[data-testid="message-status"]')?.getAttribute('data-status') ?? null,
          reactions: Array.from(node.querySelectorAll('[data-testid="reaction-chip"]')).map((chip) =>
            chip.getAttribute('data-emoji'),
          ),
        })),
      );
    const caughtUp = await snapshot();
    const ids = caughtUp.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(caughtUp.find((item) => item.id === seventh.id)?.deleted).toBe('true');
    expect(caughtUp.find((item) => item.id === third.id)).toMatchObject({
      text: 'Update 3, corrected',
      edited: true,
    });
    expect(caughtUp.find((item) => item.id === hers.id)?.reactions).toEqual(['👍']);

    await a.page.reload();
    await a.page.getByTestId('chat').waitFor();
    await expect.poll(() => bubbles(a.page).count(), { timeout: 15_000 }).toBe(22);
    expect(await snapshot()).toEqual(caughtUp);
    await a.context.close();
  });

  it('loads older messages on scroll up and keeps the message being read in place', async () => {
    const alice = await signUp('ivy_', 'Ivy Chen');
    const bob = await signUp('max_', 'Max Berg');
    await befriend(alice, bob);
    for (let index = 1; index <= 75; index++) {
      const from = index % 3 === 0 ? alice : bob;
      await call(from.api, ZSendDmResponse, 'POST', '/api/messages/send', {
        to: from === alice ? bob.userId : alice.userId,
        message: index === 10 ? 'History 10: the pineapple pizza place' : `History ${index}`,
        nonce: `history-${index}`,
      });
    }

    const a = await openAs(alice);
    await openChat(a.page, bob.userId);
    // The newest 50 first, scrolled to the bottom.
    await expect.poll(() => bubbles(a.page).count(), { timeout: 15_000 }).toBe(50);
    await expect
      .poll(() => bubbles(a.page).last().getByTestId('message-text').textContent())
      .toBe('History 75');

    const oldestShown = bubbles(a.page).first();
    const oldestId = await oldestShown.getAttribute('data-message-id');
    await a.page.getByTestId('chat-scroll').evaluate((element) => {
      element.scrollTop = 0;
    });
    await expect.poll(() => bubbles(a.page).count(), { timeout: 15_000 }).toBe(75);
    expect(await bubbles(a.page).first().getByTestId('message-text').textContent()).toBe('History 1');

    // The message that was at the top is still on screen: the older page went above it.
    const area = await a.page.getByTestId('chat-scroll').boundingBox();
    const kept = await a.page.locator(`[data-message-id="${oldestId}"]`).boundingBox();
    if (!area || !kept) throw new Error('not laid out');
    expect(kept.y).toBeGreaterThanOrEqual(area.y - kept.height);
    expect(kept.y).toBeLessThan(area.y + area.height);

    // Full-text search finds an old message; opening it scrolls the chat to it.
    await a.page.goto(`${server.url}/messages`);
    await a.page.getByTestId('conversation-search').fill('pineapple');
    const result = a.page.getByTestId('message-search-result');
    await result.waitFor({ timeout: 10_000 });
    expect(await result.locator('mark').textContent()).toMatch(/pineapple/i);
    await screenshot(a.page, 'messages-search-desktop');
    await result.click();
    await a.page.getByTestId('chat').waitFor();
    const found = a.page.locator('[data-testid="message"]', { hasText: 'pineapple pizza' });
    await expect
      .poll(
        async () => {
          const box = await found.boundingBox();
          const view = await a.page.getByTestId('chat-scroll').boundingBox();
          return Boolean(box && view && box.y >= view.y && box.y + box.height <= view.y + view.height);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await a.context.close();
  });
  it('shows emoji in messages, reactions, names and the picker with the shipped colour font, from our own origin', async () => {
    const alice = await signUp('emi_', 'Emi 🌸 Sato');
    const bob = await signUp('raj_', 'Raj 🎧 Patel');
    await befriend(alice, bob);
    const lines = [
      [bob, 'Good morning! ☀️😀 Ready for the trip? 🚗💨'],
      [alice, 'Likewise 😄 packed the snacks 🍕🍩🍉'],
      [bob, 'The whole crew is in 👨‍👩‍👧‍👦 🇵🇰 ❤️🔥'],
      [alice, 'See you at 7 ⏰ 🙌🎉✨'],
    ] as const;
    const sent = [];
    for (const [index, [from, message]] of lines.entries()) {
      const to = from === alice ? bob : alice;
      const result = await call(from.api, ZSendDmResponse, 'POST', '/api/messages/send', {
        to: to.userId,
        message,
        nonce: `emoji-${index}`,
      });
      sent.push(result.message);
    }
    const [first, , third] = sent;
    if (!first || !third) throw new Error('messages missing');
    await call(alice.api, ZDmMessageResponse, 'POST', `/api/messages/by-id/${first.id}/reactions`, {
      emoji: '😂',
    });
    await call(alice.api, ZDmMessageResponse, 'POST', `/api/messages/by-id/${third.id}/reactions`, {
      emoji: '❤️',
    });
    await call(bob.api, ZDmMessageResponse, 'POST', `/api/messages/by-id/${third.id}/reactions`, {
      emoji: '❤️',
    });

    const a = await openAs(alice);
    const fonts: string[] = [];
    a.page.on('request', (request) => {
      if (request.resourceType() === 'font') fonts.push(request.url());
    });
    await a.page.setViewportSize({ width: 1280, height: 800 });
    await openChat(a.page, bob.userId);
    await expect.poll(() => bubbles(a.page).count(), { timeout: 15_000 }).toBe(4);
    await a.page.getByTestId('reaction-chip').first().waitFor();
    await a.page.evaluate(() => document.fonts.ready);

    // The face is loaded, and its file comes from our own origin.
    expect(
      await a.page.evaluate(async () => (await document.fonts.load('16px "Twemoji"', '😀')).length),
    ).toBeGreaterThan(0);
    expect(await a.page.evaluate(() => document.fonts.check('16px "Twemoji"', '😀'))).toBe(true);
    expect(
      await a.page.evaluate(() => {
        let loaded = false;
        document.fonts.forEach((face) => {
          if (face.family.replace(/"/g, '') === 'Twemoji' && face.status === 'loaded') loaded = true;
        });
        return loaded;
      }),
    ).toBe(true);
    expect(fonts.length).toBeGreaterThan(0);
    for (const url of fonts) expect(new URL(url).origin).toBe(new URL(server.url).origin);

    // Glyphs, not boxes: in a message, a reaction chip and the header's display name.
    const text = bubbles(a.page).first().getByTestId('message-text');
    expect(await colourPixelsOf(text, '😀')).toBeGreaterThan(200);
    expect(await colourPixelsOf(text, '👨‍👩‍👧‍👦')).toBeGreaterThan(200);
    const chip = a.page.getByTestId('reaction-chip').first().locator('span').first();
    expect(await colourPixelsOf(chip, '😂')).toBeGreaterThan(200);
    const name = a.page.getByTestId('chat').getByText('Raj 🎧 Patel').first();
    expect(await colourPixelsOf(name, '🎧')).toBeGreaterThan(200);
    await screenshot(a.page, 'emoji-dm-desktop');

    // The picker's grid uses it too.
    await a.page.getByTestId('emoji-button').click();
    const picker = a.page.getByTestId('emoji-picker');
    await picker.waitFor();
    const item = picker.getByRole('menuitem', { name: '🥰' });
    expect(await colourPixelsOf(item, '🥰')).toBeGreaterThan(200);
    await screenshot(a.page, 'emoji-picker-desktop');
    await a.page.keyboard.press('Escape');

    await a.page.setViewportSize(PHONE);
    await expect.poll(() => bubbles(a.page).count()).toBe(4);
    await screenshot(a.page, 'emoji-dm-phone');
    await a.context.close();
  });
});
