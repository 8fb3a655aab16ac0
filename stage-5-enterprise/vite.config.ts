import { defineConfig } from 'vite';
import { STAGE } from './src/shared/stage.ts'; // with its extension, as Vite's config loader asks

// The server (src/server/main.ts) serves the built page and the API together on 3003.
// `pnpm dev` runs Vite on 5173 with hot reload and hands /api (and the /dev/outbox page) to that server.
const apiPort = Number(process.env.PORT ?? STAGE.port);
const api = `http://localhost:${apiPort}`;

export default defineConfig({
  // index.html says %STAGE_NUMBER%, %STAGE_ACCENT_LIGHT%, …: filled in from src/shared/stage.ts.
  plugins: [
    {
      name: 'stage-identity',
      transformIndexHtml: {
        order: 'pre',
        handler: (html) =>
          html
            .replaceAll('%STAGE_NUMBER%', String(STAGE.number))
            .replaceAll('%STAGE_ACCENT_LIGHT%', STAGE.accent.light)
            .replaceAll('%STAGE_ACCENT_DARK%', STAGE.accent.dark),
      },
    },
  ],
  server: { port: 5173, strictPort: true, proxy: { '/api': api, '/dev': api } },
  build: { target: 'es2022' },
});
