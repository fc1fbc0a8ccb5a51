import { formatUserId } from '@guftagu/contracts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, uniqueName } from '../apps/server/test/harness.js';
import { launchBrowser, screenshot, shownOnlineCount } from './browser.js';

const MARKETING_LINKS = ['Features', 'Your ID', 'Safety', 'Help'];
const APP_LINKS = ['Video chat', 'Friends', 'Messages', 'Servers'];
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 390, height: 844 },
] as const;

/** Saves the page at both sizes when E2E_SCREENSHOTS is set, ending at the desktop size. */
async function shootBothSizes(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(300);
    await screenshot(page, `${name}-${size.name}`);
    // The first screen as a person sees it, with sticky bars where they really sit.
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}-${size.name}-fold.png` });
  }
}

/** Opens the phone menu and returns the names of its links. */
async function mobileMenuLinks(page: Page, shot: string): Promise<string[]> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('mobile-menu-button').click();
  const sheet = page.getByRole('dialog');
  await sheet.waitFor();
  await page.waitForTimeout(600);
  if (process.env.E2E_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${shot}.png` });
  const names = await sheet.getByRole('link').allInnerTexts();
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });
  await page.setViewportSize({ width: 1280, height: 800 });
  return names.map((name) => name.trim());
}

async function headerLinkCount(page: Page, name: string): Promise<number> {
  return page.locator('header[data-shell]').getByRole('link', { name, exact: true }).count();
}

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

  it('gives a member the app shell: minimal while onboarding, app navigation after, no footer on /chat', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const email = `${uniqueName()}@example.com`;
    const username = uniqueName('shell_');

    // A visitor sees the marketing links and is offered "Sign in" in the footer.
    await page.goto(server.url);
    await page.locator('header[data-shell="visitor"]').waitFor();
    for (const name of MARKETING_LINKS) expect(await headerLinkCount(page, name)).toBe(1);
    expect(
      await page.getByTestId('site-footer').getByRole('link', { name: 'Sign in', exact: true }).count(),
    ).toBe(1);
    await shootBothSizes(page, 'landing-signed-out');
    const visitorMenu = await mobileMenuLinks(page, 'mobile-menu-visitor');
    for (const name of ['Video chat', ...MARKETING_LINKS]) expect(visitorMenu).toContain(name);

    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/verify/);
    await page.getByTestId('otp-input').locator('input').first().click();
    await page.keyboard.type(server.latestCode(email));
    await page.waitForURL(/\/onboard/, { timeout: 15_000 });

    // Before typing: a neutral preview (never the email's local part) and a header with no app links.
    await page.locator('header[data-shell="onboarding"]').waitFor();
    expect(await page.getByTestId('onboard-preview-name').innerText()).toBe('Your name');
    expect(await page.getByTestId('onboard-preview-name').innerText()).not.toContain(email.split('@')[0]);
    expect(await page.getByTestId('main-nav').count()).toBe(0);
    for (const name of [...APP_LINKS, ...MARKETING_LINKS]) expect(await headerLinkCount(page, name)).toBe(0);
    await shootBothSizes(page, 'onboard-before-typing');

    await page.getByTestId('onboard-username').fill(username);
    await expect.poll(() => page.getByTestId('onboard-preview-name').innerText()).toBe(username);
    await expect
      .poll(() => page.getByTestId('username-status').getAttribute('data-state'), { timeout: 5_000 })
      .toBe('available');
    await page.getByTestId('onboard-submit').click();
    await page.waitForURL(/\/profile$/, { timeout: 15_000 });

    // Signed in: the app's sections and an account menu, no marketing links, no "Sign in" anywhere.
    await page.locator('header[data-shell="app"]').waitFor();
    for (const name of APP_LINKS)
      expect(await page.getByTestId('main-nav').getByRole('link', { name, exact: true }).count()).toBe(1);
    for (const name of MARKETING_LINKS) expect(await headerLinkCount(page, name)).toBe(0);
    expect(await page.getByTestId('user-menu').count()).toBe(1);
    await page.getByTestId('site-footer').waitFor();
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).count()).toBe(0);
    // A new member's zero counts say what to do next.
    expect(await page.getByTestId('profile-start-chat').count()).toBe(1);
    expect(await page.getByTestId('profile-find-people').count()).toBe(1);
    await page.keyboard.press('Escape');
    await shootBothSizes(page, 'profile');
    // The phone menu follows the same rule.
    const memberMenu = await mobileMenuLinks(page, 'mobile-menu-member');
    for (const name of APP_LINKS) expect(memberMenu).toContain(name);
    for (const name of MARKETING_LINKS) expect(memberMenu).not.toContain(name);
    if (process.env.E2E_SCREENSHOTS) {
      await page.getByTestId('user-menu').screenshot({
        path: `${process.env.E2E_SCREENSHOTS}/header-avatar-dot.png`,
        scale: 'device',
      });
      await page
        .locator('header[data-shell]')
        .screenshot({ path: `${process.env.E2E_SCREENSHOTS}/header-signed-in-desktop.png` });
    }

    // The save bar appears only once something changed.
    await page.getByTestId('edit-profile').click();
    await page.waitForURL(/\/profile\/edit$/);
    await page.getByTestId('edit-bio').waitFor();
    expect(await page.getByTestId('edit-save-bar').count()).toBe(0);
    await shootBothSizes(page, 'profile-edit-clean');
    await page.getByTestId('edit-bio').fill('Here for good conversations.');
    await page.getByTestId('edit-save-bar').waitFor();
    expect(await page.getByTestId('edit-save').isEnabled()).toBe(true);
    await shootBothSizes(page, 'profile-edit-dirty');
    await page.getByTestId('edit-bio').fill('');
    await expect.poll(() => page.getByTestId('edit-save-bar').count()).toBe(0);

    // /chat is a full-screen app view: no footer, for members and visitors alike.
    await page.locator('header[data-shell]').getByRole('link', { name: 'Video chat', exact: true }).click();
    await page.waitForURL(/\/chat$/);
    await page.locator('header[data-shell="app"]').waitFor();
    expect(await page.getByTestId('site-footer').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Sign in', exact: true }).count()).toBe(0);
    if (process.env.E2E_SCREENSHOTS) {
      // The presence dot up close, on the header and on the account menu's surface.
      const zoomed = await browser.newContext({
        storageState: await context.storageState(),
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 4,
      });
      const close = await zoomed.newPage();
      await close.goto(`${server.url}/profile`);
      await close.locator('header[data-shell="app"]').waitFor();
      await close
        .getByTestId('user-menu')
        .screenshot({ path: `${process.env.E2E_SCREENSHOTS}/header-dot-zoom.png` });
      await close.getByTestId('user-menu').click();
      await close.getByRole('menu').waitFor();
      await close.getByRole('menu').screenshot({ path: `${process.env.E2E_SCREENSHOTS}/account-menu.png` });
      await zoomed.close();
    }
    await context.close();

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}/chat`);
    await visitor.locator('header[data-shell="visitor"]').waitFor();
    expect(await visitor.getByTestId('site-footer').count()).toBe(0);
    await visitor.context().close();
  });
});
