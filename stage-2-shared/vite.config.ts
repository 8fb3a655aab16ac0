import { defineConfig } from 'vite';

// The server (src/server/main.ts) serves the built page and the API together on 3002.
// `pnpm dev` runs Vite on 5173 with hot reload and hands /api to that server.
const apiPort = Number(process.env.PORT ?? 3002);

export default defineConfig({
  server: { port: 5173, strictPort: true, proxy: { '/api': `http://localhost:${apiPort}` } },
  build: { target: 'es2022' },
});
