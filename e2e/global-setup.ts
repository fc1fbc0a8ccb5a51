import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The browser suite needs Debian's Chromium and a built web app; it fails loudly without them. */
export default function setup(): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}. Run "npm test" (it installs Debian's chromium) or apt-get install chromium.`,
    );
  }
  const buildId = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/.next/BUILD_ID');
  if (!existsSync(buildId))
    throw new Error('The web app is not built. Run "npm test" or "npm run build" first.');
}
