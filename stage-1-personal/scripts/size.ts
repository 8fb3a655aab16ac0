// Builds the app and prints the gzipped size of every JavaScript file it ships.
// Exits non-zero over budget, so a heavy dependency cannot sneak in unnoticed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET_BYTES = 60 * 1000; // 60 kB of gzipped JavaScript
const root = fileURLToPath(new URL('..', import.meta.url));
const assets = join(root, 'dist', 'assets');

await build({ root, logLevel: 'warn' });

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const files = readdirSync(assets).filter((name) => name.endsWith('.js'));
let total = 0;
for (const name of files) {
  const content = readFileSync(join(assets, name));
  const gzipped = gzipSync(content, { level: 9 }).length;
  total += gzipped;
  console.log(`${name.padEnd(32)} ${kB(content.length).padStart(9)} raw ${kB(gzipped).padStart(9)} gzipped`);
}
console.log(`${'total'.padEnd(32)} ${''.padStart(13)} ${kB(total).padStart(9)} gzipped (budget ${kB(BUDGET_BYTES)})`);
if (total > BUDGET_BYTES) {
  console.error(`Over budget by ${kB(total - BUDGET_BYTES)}.`);
  process.exit(1);
}
