import { defineConfig } from 'vite';

// The server (src/server/main.ts) serves the built page and the API together on 3002.
// `pnpm dev` runs Vite on 5173 with hot reload and hands /api to that server, naming the server's
// own host (changeOrigin): it answers no other (see src/server/allowed-hosts.ts).
const apiPort = Number(process.env.PORT ?? 3002);

export default defineConfig({
  server: { port: 5173, strictPort: true, proxy: { '/api': { target: `http://localhost:${apiPort}`, changeOrigin: true } } },
  build: { target: 'es2022' },
});
