import { defineConfig } from 'vite';

// `start` builds and previews on 3001 (PORT overrides); strictPort: fail loudly instead of moving.
const port = Number(process.env.PORT ?? 3001);

export default defineConfig({
  server: { port, strictPort: true },
  preview: { port, strictPort: true },
  build: { target: 'es2022' },
});
