import { type Browser, chromium, type Page } from 'playwright-core';

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
