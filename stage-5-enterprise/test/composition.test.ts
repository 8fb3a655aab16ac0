import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const STAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(join(STAGE_DIR, file), 'utf8');

/** Every TypeScript file of the stage: the app, its tests, browser checks, benchmarks and scripts. */
function sources(dir = STAGE_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'dist', 'data'].includes(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(STAGE_DIR, path)] : [];
  });
}

/**
 * One composition root: what the server is made of is decided in src/server/server.ts alone. If a
 * second place wired the app itself, tests and browser checks could pass against a server that
 * `pnpm start` does not run.
 */
describe('createServer, the composition root', () => {
  it('is the only place that builds the app', () => {
    const building = sources().filter((file) => /(?<!function )\bcreateApp\(/.test(read(file)));
    expect(building).toEqual(['src/server/server.ts']);
  });

  it('is how main.ts, the vitest helpers and the browser checks start the server', () => {
    expect(read('src/server/main.ts')).toMatch(/\bcreateServer\(/);
    expect(read('test/helpers.ts')).toMatch(/\bcreateServer\(/);
    // The browser checks run `pnpm start` (and own-server.ts spawns the same file): that is main.ts.
    expect(read('playwright.config.ts')).toContain("command: 'pnpm start'");
    expect(JSON.parse(read('package.json')).scripts.start).toMatch(/src\/server\/main\.ts$/);
    expect(read('test/server-process.ts')).toContain("'src/server/main.ts'");
    expect(read('e2e/own-server.ts')).toMatch(/\bspawnServer\(/);
  });
});
