import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from './live-server';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const README = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');
const EXAMPLE = readFileSync(join(PACKAGE_DIR, 'examples/chat.mjs'), 'utf8');

/** The README's quick-start block, between `<!-- example -->` and `<!-- /example -->`. */
function readmeExample(): string {
  const marked = /<!-- example -->\s*```js\n([\s\S]*?)```\s*<!-- \/example -->/.exec(README);
  if (!marked) throw new Error('README.md has no ```js block between <!-- example --> and <!-- /example -->');
  return marked[1]!;
}

let live: LiveServer;
let scratch: string;
beforeAll(async () => {
  live = await startLiveServer();
  scratch = mkdtempSync(join(tmpdir(), 'journey-sdk-scratch-'));
}, 120_000);
afterAll(async () => {
  await live?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

it('claim: the packed SDK runs outside the workspace — pnpm pack, npm install the tarball in a scratch project, run the README example against a live server', async () => {
  expect(readmeExample()).toBe(EXAMPLE);

  // pnpm pack builds (prepack) and writes @journey/sdk's tarball: only dist/, README.md, package.json, LICENSE.
  await run('pnpm', ['pack', '--pack-destination', scratch], { cwd: PACKAGE_DIR });
  const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))!;
  expect(tarball).toBe('journey-sdk-0.1.0.tgz');
  const { stdout: listing } = await run('tar', ['-tzf', join(scratch, tarball)]);
  expect(listing).toContain('package/dist/index.js');
  expect(listing).toContain('package/dist/schema.d.ts');
  expect(listing).not.toContain('package/src/');
  expect(listing).not.toContain('package/test/');

  // A project of its own, far from the workspace's node_modules, installed with plain npm.
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', `./${tarball}`], { cwd: scratch });
  writeFileSync(join(scratch, 'example.mjs'), readmeExample());

  const apiKey = await live.newKey();
  const { stdout } = await run(process.execPath, ['example.mjs'], {
    cwd: scratch,
    env: { PATH: process.env.PATH, JOURNEY_API_KEY: apiKey, JOURNEY_BASE_URL: live.url },
  });
  expect(stdout).toMatch(/^Hello! I'm your own little language model\./);
}, 180_000);
