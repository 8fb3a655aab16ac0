import { defineConfig } from 'vite';

// The server (src/server/main.ts) serves the built page and the API together on 3003.
// `pnpm dev` runs Vite on 5173 with hot reload and hands /api (and the /dev/outbox page) to that server.
const apiPort = Number(process.env.PORT ?? 3003);
const api = `http://localhost:${apiPort}`;

export default defineConfig({
  server: { port: 5173, strictPort: true, proxy: { '/api': api, '/dev': api } },
  build: { target: 'es2022' },
});
