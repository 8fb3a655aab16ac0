import { defineStageConfig } from '@journey/testkit';

export default defineStageConfig({
  port: 4101,
  command: 'pnpm start',
  // Vite builds a development bundle whenever NODE_ENV is set to anything else: check the real one.
  env: { NODE_ENV: 'production' },
});
