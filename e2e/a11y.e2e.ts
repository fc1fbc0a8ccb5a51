import { AxeBuilder } from '@axe-core/playwright';
import { ZSendDmResponse } from '@guftagu/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  befriend,
  call,
  type SignedUp,
  startTestServer,
  type TestServer,
  uniqueName,
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

const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

/** Axe impacts that fail the suite; moderate and minor ones are left to review. */
const BLOCKING = new Set(['serious', 'critical']);

/** A context signed in as `user` the way a returning visitor is: the refresh cookie and its hint. */
async function contextAs(user: SignedUp | null, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const cookie = user?.api.refreshCookieValue;
  if (user && !cookie) throw new Error('no refresh cookie');
  if (cookie) {
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
  }
  return context;
}

/** Lets the page hydrate and its queries settle; the socket keeps the network busy, so idle is best effort. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(600);
}

/** Serious and critical axe violations on the page as it is now, one line per failing node. */
async function violationsOn(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${label}: [${violation.impact}] ${violation.id} — ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`,
      ),
    );
}

async function audit(context: BrowserContext, paths: readonly string[], size: string): Promise<string[]> {
  const page = await context.newPage();
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(`${server.url}${path}`);
    await settle(page);
    // A signed-in page that bounced to /login would audit the wrong page.
    expect(new URL(page.url()).pathname, `${path} redirected`).toBe(path.split('?')[0]);
    found.push(...(await violationsOn(page, `${size} ${path}`)));
  }
  await page.close();
  return found;
}

async function signUp(prefix: string, displayName: string): Promise<SignedUp> {
  const user = await server.signUp({ username: uniqueName(prefix) });
  await user.api.request('PUT', '/api/user/profile', {
    displayName,
    bio: 'Coffee, chess and late trains ☕♟️',
  });
  return user;
}

describe('accessibility (axe-core): no serious or critical violations', () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`signed-out pages at ${size} size`, async () => {
      const context = await contextAs(null, viewport);
      const found = await audit(
        context,
        ['/', '/login', '/help', '/terms', '/privacy', '/chat', '/dev/mailbox'],
        size,
      );

      // /verify is only reachable after asking for a code.
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByTestId('login-email').fill(`${uniqueName()}@example.com`);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/verify/);
      await settle(page);
      found.push(...(await violationsOn(page, `${size} /verify`)));
      await context.close();
      expect(found).toEqual([]);
    });

    it(`signed-in pages at ${size} size`, async () => {
      const me = await signUp('axe_', 'Noor Ahmed');
      const friend = await signUp('axf_', 'Omar Farooq');
      await befriend(me, friend);
      const asker = await signUp('axr_', 'Sara Khan');
      await asker.api.request('POST', '/api/friends/request', { username: me.session.user.username });
      await call(friend.api, ZSendDmResponse, 'POST', '/api/messages/send', {
        to: me.userId,
        message: 'Are we still on for Saturday? 🎉',
        nonce: uniqueName('n'),
      });

      const context = await contextAs(me, viewport);
      const found = await audit(
        context,
        [
          '/profile',
          '/profile/edit',
          '/friends',
          '/friends/requests',
          '/friends/find',
          '/messages',
          `/messages/${friend.userId}`,
          '/notifications',
          `/profile/${friend.session.user.username ?? ''}`,
        ],
        size,
      );
      await context.close();

      const fresh = await server.signUp({ username: null });
      const onboarding = await contextAs(fresh, viewport);
      found.push(...(await audit(onboarding, ['/onboard'], size)));
      await onboarding.close();
      expect(found).toEqual([]);
    });
  }
});

describe('signed-out page loads', () => {
  it('log no console errors and do not ask for a session that cannot exist', async () => {
    const context = await contextAs(null, SIZES.desktop);
    const page = await context.newPage();
    const errors: string[] = [];
    const refreshes: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/refresh')) refreshes.push(request.url());
    });
    for (const path of ['/', '/login', '/help']) {
      await page.goto(`${server.url}${path}`);
      await settle(page);
    }
    await page.reload();
    await settle(page);
    expect(errors).toEqual([]);
    expect(refreshes).toEqual([]);
    await context.close();
  });
});
