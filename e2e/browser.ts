import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type TestServer, uniqueName } from '../apps/server/test/harness.js';

/** Debian's Chromium with fake media devices, so WebRTC specs get real camera/mic tracks. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Reads the number shown in the header's live count ("1,234" → 1234). */
export async function shownOnlineCount(page: Page): Promise<number> {
  const text = await page.getByTestId('online-count').first().innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/${name}.png`, fullPage: true });
}

/**
 * A new person signs up in this page the way a visitor does (emailed code, then a username) and
 * lands on /profile. Returns the username they chose.
 */
export async function signUpThroughPages(page: Page, server: TestServer, prefix: string): Promise<string> {
  const email = `${uniqueName()}@example.com`;
  const username = uniqueName(prefix);
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/verify/);
  await page.getByTestId('otp-input').locator('input').first().click();
  await page.keyboard.type(server.latestCode(email));
  await page.waitForURL(/\/onboard/, { timeout: 15_000 });
  await page.getByTestId('onboard-username').fill(username);
  await expect
    .poll(() => page.getByTestId('username-status').getAttribute('data-state'), { timeout: 5_000 })
    .toBe('available');
  await page.getByTestId('onboard-submit').click();
  await page.waitForURL(/\/profile$/, { timeout: 15_000 });
  return username;
}
