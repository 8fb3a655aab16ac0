import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineStageConfig } from '@journey/testkit';

// A fresh database for every run. Playwright loads this file again in its workers; they inherit
// the variable, so everyone agrees on one directory (the reset spec reads the outbox in it).
process.env.STAGE5_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'stage-5-e2e-'));

export default defineStageConfig({
  port: 4105,
  command: 'pnpm start',
  // NODE_ENV=production: Vite builds a development bundle whenever NODE_ENV is anything else; and
  // the browser checks run what production runs (Secure cookies, which Chromium accepts on localhost).
  // SIGNUPS_PER_ADDRESS: every check signs people up, all from 127.0.0.1; 30 per 15 minutes (the
  // default, which abuse.test.ts proves) would refuse the later ones.
  env: { DATA_DIR: process.env.STAGE5_E2E_DATA_DIR, LOG_LEVEL: 'warn', NODE_ENV: 'production', SIGNUPS_PER_ADDRESS: '1000' },
});
