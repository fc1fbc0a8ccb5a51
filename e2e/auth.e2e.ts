import { formatUserId } from '@guftagu/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, uniqueName } from '../apps/server/test/harness.js';
import { launchBrowser, screenshot, shownOnlineCount } from './browser.js';

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

describe('signing up in a real browser', () => {
  it('signs a new user up with the emailed code, onboards them and shows their 7-digit ID', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = `${uniqueName()}@example.com`;
    const username = uniqueName('e2e_');

    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/verify/);

    // The code comes from the dev outbox, exactly as a developer would read it at /dev/mailbox.
    const code = server.latestCode(email);
    await page.getByTestId('otp-input').locator('input').first().click();
    await page.keyboard.type(code);
    await page.waitForURL(/\/onboard/, { timeout: 15_000 });

    await page.getByTestId('onboard-username').fill(username);
    await expect
      .poll(() => page.getByTestId('username-status').innerText(), { timeout: 5_000 })
      .toMatch(/available/i);
    await page.getByTestId('onboard-submit').click();
    await page.waitForURL(/\/profile/, { timeout: 15_000 });

    // The username is now really taken on the server, not just shown.
    expect((await server.api().checkUsername(username)).available).toBe(false);
    const shownId = await page.getByTestId('profile-user-id').innerText();
    expect(shownId).toMatch(/^\d{3}-\d{4}$/);
    const userIdDigits = shownId.replace('-', '');
    expect(formatUserId(userIdDigits)).toBe(shownId);
    await expect.poll(() => page.content()).toContain(username);
    await screenshot(page, 'profile');
    await context.close();
  });

  it("moves the first visitor's live count when a second visitor opens the site", async () => {
    const first = await (await browser.newContext()).newPage();
    await first.goto(server.url);
    await expect.poll(() => shownOnlineCount(first), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await shownOnlineCount(first);

    const secondContext = await browser.newContext();
    const second = await secondContext.newPage();
    await second.goto(server.url);
    await expect.poll(() => shownOnlineCount(first), { timeout: 10_000 }).toBe(before + 1);
    await screenshot(first, 'landing');

    await secondContext.close();
    await expect.poll(() => shownOnlineCount(first), { timeout: 10_000 }).toBe(before);
  });
});
