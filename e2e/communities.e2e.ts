import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SignedUp, startTestServer, type TestServer } from '../apps/server/test/harness.js';
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

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A browser signed in as `user` (their refresh cookie, traded for an access token on load). */
async function openAs(user: SignedUp, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const cookie = user.api.refreshCookieValue;
  if (!cookie) throw new Error('no refresh cookie');
  const context = await browser.newContext({ viewport });
  const domain = new URL(server.url).hostname;
  await context.addCookies([
    {
      name: 'guftagu_rt',
      value: cookie.replace(/^guftagu_rt=/, ''),
      domain,
      path: '/api/auth',
      httpOnly: true,
      sameSite: 'Strict',
    },
    { name: 'guftagu_session', value: '1', domain, path: '/', sameSite: 'Strict' },
  ]);
  return { context, page: await context.newPage() };
}

async function signUp(name: string, displayName: string): Promise<SignedUp> {
  const user = await server.signUp({ username: `${name}${Math.random().toString(36).slice(2, 7)}` });
  await user.api.request('PUT', '/api/user/profile', { displayName });
  return user;
}

/** The servers pages fill the viewport and scroll inside: the picture is the viewport. */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await page.bringToFront();
  await page.mouse.move(2, 2);
  // A hover toolbar kept open by focus (after using its menu) is not part of the picture.
  await page.evaluate(() => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('[data-testid="message"]')) active.blur();
  });
  await page.waitForTimeout(350);
  await page.screenshot({ path: `${dir}/${name}.png` });
}

const channelLink = (page: Page, name: string) =>
  page.locator(`[data-testid="channel-link"][data-channel-name="${name}"]`);
const texts = (page: Page) => page.getByTestId('message-text');

async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId('message-input').fill(text);
  await page.getByTestId('message-input').press('Enter');
}

async function openSettings(page: Page, tab: string): Promise<void> {
  await page.getByTestId('server-menu').click();
  await page.getByTestId('menu-settings').click();
  await page.getByTestId('server-settings').waitFor();
  await page.getByTestId(`settings-tab-${tab}`).click();
}

async function toggleRole(page: Page, userId: string, role: string): Promise<void> {
  await openSettings(page, 'members');
  const row = page.locator(`[data-testid="settings-member"][data-user-id="${userId}"]`);
  await row.getByTestId('member-roles-button').click();
  await page.locator(`[data-testid="member-role-option"][data-role-name="${role}"]`).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('settings-close').click();
  await page.getByTestId('server-settings').waitFor({ state: 'detached' });
}

describe('servers in real browsers', () => {
  it('creates a server, joins it by invite link, chats both ways, and hides a private channel by role live', async () => {
    const alice = await signUp('alice_', 'Alice Carter');
    const bob = await signUp('bob_', 'Bob Mehta');

    // Alice has no server yet: the empty state offers create and join.
    const a = await openAs(alice);
    await a.page.goto(`${server.url}/servers`);
    await a.page.getByTestId('servers-empty').waitFor({ timeout: 20_000 });
    await shoot(a.page, 'servers-empty-desktop');

    await a.page.getByTestId('empty-create').click();
    await a.page.getByTestId('create-server-name').fill('Night Owls');
    await a.page.getByTestId('create-server-submit').click();
    await a.page.waitForURL(/\/servers\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await a.page.getByTestId('channel-view').waitFor();
    expect(await a.page.getByTestId('server-name').innerText()).toBe('Night Owls');
    await channelLink(a.page, 'general').waitFor();

    // Alice copies the invite link.
    await a.page.getByTestId('server-menu').click();
    await a.page.getByTestId('menu-invite').click();
    const link = await a.page.getByTestId('invite-link').inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9]+$/);
    await shoot(a.page, 'servers-invite-dialog');
    await a.page.keyboard.press('Escape');

    // A signed-out visitor sees the preview and is asked to sign in first.
    const visitor = await browser.newContext({ viewport: PHONE });
    const v = await visitor.newPage();
    await v.goto(link);
    await v.getByTestId('invite-card').waitFor({ timeout: 20_000 });
    expect(await v.getByTestId('invite-server-name').innerText()).toBe('Night Owls');
    await v.getByTestId('invite-sign-in').waitFor();
    await shoot(v, 'invite-signed-out-phone');
    await visitor.close();

    // Bob opens the link and joins.
    const b = await openAs(bob);
    await b.page.goto(link);
    await b.page.getByTestId('invite-card').waitFor({ timeout: 20_000 });
    await expect.poll(() => b.page.getByTestId('invite-members').innerText()).toContain('1 member');
    await shoot(b.page, 'invite-signed-in-desktop');
    await b.page.getByTestId('invite-join').click();
    await b.page.waitForURL(/\/servers\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await b.page.getByTestId('channel-view').waitFor();

    // They chat both ways in #general, live; Alice sees Bob typing first.
    await expect
      .poll(() => a.page.locator(`[data-testid="member-row"][data-user-id="${bob.userId}"]`).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await b.page.getByTestId('message-input').pressSequentially('Hey', { delay: 40 });
    await a.page.getByTestId('typing-indicator').waitFor({ timeout: 10_000 });
    await b.page.getByTestId('message-input').fill('Hey Alice! Nice server 🦉');
    await b.page.getByTestId('message-input').press('Enter');
    await expect
      .poll(() => texts(a.page).allInnerTexts(), { timeout: 10_000 })
      .toContain('Hey Alice! Nice server 🦉');
    await send(a.page, 'Welcome Bob — make yourself at home.');
    await expect
      .poll(() => texts(b.page).allInnerTexts(), { timeout: 10_000 })
      .toContain('Welcome Bob — make yourself at home.');
    // Alice reacts to Bob's message; Bob sees the chip.
    const bobsMessage = a.page.locator('[data-testid="message"][data-mine="false"]').first();
    await bobsMessage.hover();
    await bobsMessage.getByTestId('message-more').click();
    await a.page.getByTestId('message-menu').getByRole('menuitem', { name: 'React with 👍' }).click();
    await expect.poll(() => b.page.getByTestId('reaction-chip').count(), { timeout: 10_000 }).toBe(1);
    await shoot(a.page, 'servers-channel-desktop');

    // Alice makes a "Crew" role and a private channel only Crew can see.
    await openSettings(a.page, 'roles');
    await a.page.getByTestId('role-create').click();
    await a.page.getByTestId('role-name').fill('Crew');
    await a.page.getByTestId('role-hoisted').click();
    await a.page.getByTestId('role-save').click();
    await a.page.locator('[data-testid="role-item"][data-role-name="Crew"]').waitFor();
    await shoot(a.page, 'servers-settings-roles');
    await a.page.getByTestId('settings-close').click();
    await a.page.getByTestId('server-settings').waitFor({ state: 'detached' });

    await a.page.getByTestId('server-menu').click();
    await a.page.getByTestId('menu-create-channel').click();
    await a.page.getByTestId('create-channel-name').fill('crew only');
    await a.page.getByTestId('create-channel-private').click();
    await a.page.locator('[data-testid="create-channel-role"][data-role-name="Crew"]').check();
    await a.page.getByTestId('create-channel-submit').click();
    await channelLink(a.page, 'crew-only').waitFor({ timeout: 10_000 });
    const crewId = await channelLink(a.page, 'crew-only').getAttribute('data-channel-id');
    const crewView = (page: Page) =>
      page.locator(`[data-testid="channel-view"][data-channel-id="${crewId}"]`);
    await crewView(a.page).waitFor({ timeout: 10_000 });

    // Bob never gets to keep it: he is not in Crew.
    await expect.poll(() => channelLink(b.page, 'crew-only').count(), { timeout: 10_000 }).toBe(0);
    expect(await channelLink(b.page, 'general').count()).toBe(1);

    // Alice gives Bob the role: the channel appears for him live, and he can post in it.
    await toggleRole(a.page, bob.userId, 'Crew');
    await channelLink(b.page, 'crew-only').waitFor({ timeout: 10_000 });
    await channelLink(b.page, 'crew-only').click();
    await crewView(b.page).waitFor({ timeout: 10_000 });
    await send(b.page, 'Secret plans 🤫');
    await expect.poll(() => texts(a.page).allInnerTexts(), { timeout: 10_000 }).toContain('Secret plans 🤫');
    await shoot(b.page, 'servers-private-channel-desktop');

    // Alice takes the role back: the channel disappears from Bob's sidebar and his open view.
    await toggleRole(a.page, bob.userId, 'Crew');
    await expect.poll(() => channelLink(b.page, 'crew-only').count(), { timeout: 10_000 }).toBe(0);
    await b.page.getByTestId('channel-unavailable').waitFor({ timeout: 10_000 });

    // Alice mentions Bob through the autocomplete: the syntax goes in, Bob sees his name highlighted.
    const generalId = await channelLink(a.page, 'general').getAttribute('data-channel-id');
    await channelLink(a.page, 'general').click();
    // The new view's composer, not the one of the channel being left.
    await a.page.locator(`[data-testid="channel-view"][data-channel-id="${generalId}"]`).waitFor();
    await expect.poll(() => a.page.getByTestId('channel-view').count(), { timeout: 10_000 }).toBe(1);
    await a.page.getByTestId('message-input').pressSequentially('@Bob', { delay: 30 });
    await a.page.getByTestId('mention-popup').waitFor({ timeout: 5_000 });
    await shoot(a.page, 'servers2-mention-popup-desktop');
    await a.page.getByTestId('message-input').press('Enter');
    expect(await a.page.getByTestId('message-input').inputValue()).toBe(`<@${bob.userId}> `);
    await a.page.getByTestId('message-input').pressSequentially('the pins are up', { delay: 10 });
    await a.page.getByTestId('message-input').press('Enter');
    const mentionOfBob = b.page.locator(
      `[data-testid="message"][data-mentions-me="true"] [data-testid="mention"][data-mention-user="${bob.userId}"]`,
    );
    await channelLink(b.page, 'general').click();
    await mentionOfBob.waitFor({ timeout: 10_000 });
    expect(await mentionOfBob.innerText()).toBe('@Bob Mehta');

    // Alice pins it from its menu; Bob's pins panel lists it, and follows a second pin live.
    const pin = async (text: string) => {
      const row = a.page.locator('[data-testid="message"]', { hasText: text }).last();
      await row.hover();
      await row.getByTestId('message-more').click();
      await a.page.getByTestId('message-pin').click();
    };
    await pin('the pins are up');
    await b.page.getByTestId('open-pins').click();
    await expect.poll(() => b.page.getByTestId('pinned-message').count(), { timeout: 10_000 }).toBe(1);
    await pin('Hey Alice! Nice server');
    await expect.poll(() => b.page.getByTestId('pinned-message').count(), { timeout: 10_000 }).toBe(2);
    await shoot(b.page, 'servers2-pins-desktop');
    await b.page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await b.page.getByTestId('pins-panel').waitFor({ state: 'detached' });

    // Members settings offer Alice (the owner) transfer, kick and ban for Bob.
    await openSettings(a.page, 'members');
    await a.page
      .locator(`[data-testid="settings-member"][data-user-id="${bob.userId}"]`)
      .getByTestId('member-actions')
      .click();
    await a.page.getByTestId('member-transfer').waitFor();
    await a.page.getByTestId('member-ban').waitFor();
    await shoot(a.page, 'servers2-member-actions-desktop');
    await a.page.keyboard.press('Escape');
    // Channel order: one step down moves the first channel of its group below the next one.
    await a.page.getByTestId('settings-tab-channels').click();
    await a.page.getByTestId('channel-order').scrollIntoViewIfNeeded();
    const orderNames = () =>
      a.page
        .locator('[data-testid="order-row"]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-channel-name')));
    const before = await orderNames();
    const firstDown = a.page
      .locator('[data-testid="order-row"]:has([data-testid="order-down"]:not([disabled]))')
      .first();
    const moved = await firstDown.getAttribute('data-channel-name');
    await firstDown.getByTestId('order-down').click();
    await expect.poll(orderNames, { timeout: 10_000 }).not.toEqual(before);
    expect((await orderNames()).indexOf(moved)).toBe(before.indexOf(moved) + 1);
    await shoot(a.page, 'servers2-channel-order-desktop');
    await a.page.getByTestId('settings-close').click();
    await a.page.getByTestId('server-settings').waitFor({ state: 'detached' });
    // Deleting the server asks for its name.
    await a.page.getByTestId('server-menu').click();
    await a.page.getByTestId('menu-delete-server').click();
    await a.page.getByTestId('delete-server-name').waitFor();
    await shoot(a.page, 'servers2-delete-server-desktop');
    await a.page.keyboard.press('Escape');

    // Phone: Bob's channel, the drawer with servers and channels, and the member drawer.
    await b.page.setViewportSize(PHONE);
    const serverId = new URL(b.page.url()).pathname.split('/')[2];
    await b.page.goto(`${server.url}/servers/${serverId}`);
    await b.page.getByTestId('channel-view').waitFor({ timeout: 15_000 });
    await shoot(b.page, 'servers-channel-phone');
    await b.page.getByTestId('open-pins').click();
    await expect.poll(() => b.page.getByTestId('pinned-message').count(), { timeout: 10_000 }).toBe(2);
    await shoot(b.page, 'servers2-pins-phone');
    await b.page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await b.page.getByTestId('pins-panel').waitFor({ state: 'detached' });
    await b.page.getByTestId('message-input').pressSequentially('@Ali', { delay: 30 });
    await b.page.getByTestId('mention-popup').waitFor({ timeout: 5_000 });
    await shoot(b.page, 'servers2-mention-popup-phone');
    await b.page.getByTestId('message-input').press('Escape');
    await b.page.getByTestId('message-input').fill('');
    await b.page.getByTestId('open-nav').click();
    await b.page.getByTestId('servers-drawer').waitFor();
    await shoot(b.page, 'servers-drawer-phone');
    // The first Escape may only close the tooltip of the focused server icon.
    await expect
      .poll(
        async () => {
          await b.page.keyboard.press('Escape');
          return b.page.getByTestId('servers-drawer').count();
        },
        { timeout: 5_000 },
      )
      .toBe(0);
    await b.page.getByTestId('open-members').click();
    await b.page.getByTestId('members-drawer').waitFor();
    await shoot(b.page, 'servers-members-phone');

    await a.context.close();
    await b.context.close();
  }, 300_000);
});
