// `npm start`: install if needed, build what is stale, then run the platform in this same process
// (so Ctrl-C reaches the server directly and nothing is left running behind a wrapper).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, buildWeb, ensureInstalled, loadDotEnv, ROOT } from './lib/prepare.mjs';

// Before anything reads the environment (WEB_ENABLED below, then the server's env.ts).
const dotEnv = loadDotEnv();
if (dotEnv)
  console.log(`› Loaded ${path.relative(ROOT, dotEnv)} (variables already set in the environment win)`);
ensureInstalled();
buildServer();
// `npm run dev` serves the web app through Next's dev server (hot reload) instead of a build.
if (process.argv.includes('--dev')) process.env.WEB_DEV = 'true';
else if (process.env.WEB_ENABLED !== 'false') buildWeb();
process.env.NEXT_TELEMETRY_DISABLED = '1';
await import(pathToFileURL(path.join(ROOT, 'apps/server/dist/src/main.js')).href);
