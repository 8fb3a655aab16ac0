import { defineConfig } from 'vite';

// The server (src/server/main.ts) serves the built page and the API together on 3003.
// `pnpm dev` runs Vite on 5173 with hot reload and hands /api (and the /dev/outbox page) to that server,
// naming the server's own host (changeOrigin): it answers no other (see src/server/allowed-hosts.ts).
const apiPort = Number(process.env.PORT ?? 3003);
const api = { target: `http://localhost:${apiPort}`, changeOrigin: true };

export default defineConfig({
  server: { port: 5173, strictPort: true, proxy: { '/api': api, '/dev': api } },
  build: { target: 'es2022' },
});
