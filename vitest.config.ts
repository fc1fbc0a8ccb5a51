import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The web app's `@/` import alias (apps/web/tsconfig.json), so its pure-logic tests import as the app does. */
const WEB_ROOT = fileURLToPath(new URL('./apps/web/', import.meta.url));

/**
 * Three suites: unit (pure functions), integration (real server, real PostgreSQL, real socket.io
 * clients; Redis when REDIS_URL is set) and e2e (real Chromium against the full app).
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { '@/': WEB_ROOT } },
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'scripts/**/*.test.mjs',
            'apps/server/src/**/*.unit.test.ts',
            'apps/web/lib/**/*.test.ts',
            'apps/web/features/**/*.test.ts',
          ],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/src/**/*.int.test.ts', 'apps/server/test/**/*.int.test.ts'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['apps/server/test/global-setup.ts', 'e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
