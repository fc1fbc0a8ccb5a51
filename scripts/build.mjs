import { buildServer, buildWeb, ensureInstalled, loadDotEnv } from './lib/prepare.mjs';

loadDotEnv();
ensureInstalled();
buildServer();
buildWeb({ force: process.argv.includes('--force') });
