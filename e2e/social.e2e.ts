import { formatUserId } from '@guftagu/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../apps/server/test/harness.js';
import { launchBrowser, screenshot, signUpThroughPages } from './browser.js';

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

interface BrowserUser {
  context: BrowserContext;
  page: Page;
  username: string;
  userId7Digit: string;
}

/** A new person signs up in their own browser (emailed code, then a username) and lands on /profile. */
async function signUpInBrowser(prefix: string): Promise<BrowserUser> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const username = await signUpThroughPages(page, server, prefix);

  const shownId = await page.getByTestId('profile-user-id').innerText();
  return { context, page, username, userId7Digit: shownId.replace('-', '') };
}

function friendCard(page: Page, username: string) {
  return page.locator(`[data-testid="friend-card"][data-username="${username}"]`);
}

describe('friends in real browsers', () => {
  it('finds a user by 7-digit ID, notifies them live, befriends them from the bell and tracks presence', async () => {
    const alice = await signUpInBrowser('alice_');
    const bob = await signUpInBrowser('bob_');

    // Bob stays on his profile; a marker on window proves the page is never reloaded.
    await bob.page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    await expect.poll(() => bob.page.getByTestId('notification-badge').count()).toBe(0);

    // Alice looks Bob up by his ID, typed the way people share it ("123-4567"), and sends a request.
    await alice.page.goto(`${server.url}/friends/find`);
    await alice.page.getByTestId('id-search-input').fill(formatUserId(bob.userId7Digit));
    await alice.page.getByTestId('id-search-submit').click();
    const card = alice.page.getByTestId('user-card');
    await card.waitFor();
    expect(await card.getAttribute('data-username')).toBe(bob.username);
    await alice.page.getByTestId('send-friend-request').click();
    await alice.page.getByTestId('request-pending').waitFor();
    expect(await card.getAttribute('data-relationship')).toBe('request_sent');
    await screenshot(alice.page, 'social-find-by-id');

    // Bob's bell lights up without a reload.
    await expect
      .poll(() => bob.page.getByTestId('notification-badge').textContent(), { timeout: 10_000 })
      .toBe('1');
    expect(
      await bob.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);

    // He accepts from the dropdown.
    await bob.page.getByTestId('notification-bell').click();
    await bob.page.getByTestId('notification-dropdown').waitFor();
    await screenshot(bob.page, 'social-notification-dropdown');
    await bob.page.getByTestId('notification-accept').click();
    await expect
      .poll(() => bob.page.getByTestId('notification-dropdown').innerText(), { timeout: 10_000 })
      .toMatch(/now friends/i);
    await bob.page.keyboard.press('Escape');

    // Both see each other online in /friends.
    await Promise.all([alice.page.goto(`${server.url}/friends`), bob.page.goto(`${server.url}/friends`)]);
    await friendCard(alice.page, bob.username).waitFor({ timeout: 10_000 });
    await friendCard(bob.page, alice.username).waitFor({ timeout: 10_000 });
    await expect.poll(() => friendCard(alice.page, bob.username).getAttribute('data-online')).toBe('true');
    await expect.poll(() => friendCard(bob.page, alice.username).getAttribute('data-online')).toBe('true');
    expect(await friendCard(alice.page, bob.username).getByTestId('friend-online-dot').count()).toBe(1);
    await screenshot(alice.page, 'social-friends-online');

    // Bob closes the page; Alice sees him go offline, live.
    await bob.context.close();
    await expect
      .poll(() => friendCard(alice.page, bob.username).getAttribute('data-online'), { timeout: 15_000 })
      .toBe('false');
    expect(await friendCard(alice.page, bob.username).getByTestId('friend-online-dot').count()).toBe(0);
    await screenshot(alice.page, 'social-friend-offline');
    await alice.context.close();
  });

  it('explains an empty friends list once and shows a typed ID with its dash', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signUpThroughPages(page, server, 'lonely_');

    await page.goto(`${server.url}/friends`);
    const empty = page.getByTestId('friends-empty');
    await empty.waitFor({ timeout: 10_000 });
    const text = await empty.innerText();
    // The title says it once; the body says what to do, not the title again.
    expect(text.match(/no friends yet/gi)?.length).toBe(1);
    if (process.env.E2E_SCREENSHOTS) {
      for (const size of [
        { name: 'mobile', width: 390, height: 844 },
        { name: 'desktop', width: 1280, height: 800 },
      ]) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.waitForTimeout(300);
        await screenshot(page, `friends-empty-${size.name}`);
      }
    }

    // Typed or pasted as bare digits, a whole ID reads as the app writes IDs everywhere else.
    await page.goto(`${server.url}/friends/find`);
    await page.getByTestId('id-search-input').fill('4222543');
    expect(await page.getByTestId('id-search-input').inputValue()).toBe(formatUserId('4222543'));
    await context.close();
  });
});
