import { buildServer, buildWeb, ensureInstalled } from './lib/prepare.mjs';

ensureInstalled();
buildServer();
buildWeb({ force: process.argv.includes('--force') });
