/**
 * `pnpm start` — runs every stage that exists side by side (stage N on port 300N) and prints their
 * URLs once they answer. Ctrl+C stops them all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existingStages, packageName } from './lib/journey';

const stages = existingStages(fileURLToPath(new URL('..', import.meta.url)));
const children: ChildProcess[] = [];

for (const stage of stages) {
  const child = spawn('pnpm', ['--filter', packageName(stage), 'start'], {
    env: { ...process.env, PORT: String(3000 + stage.number) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping reaches vite/tsx below pnpm
  });
  const prefix = `[stage-${stage.number}] `;
  const relay = (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, prefix));
  child.stdout.on('data', relay);
  child.stderr.on('data', relay);
  child.on('exit', (code) => code && console.error(`${prefix}exited with code ${code}`));
  children.push(child);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

const urls = stages.map((s) => ({ stage: s, url: `http://localhost:${3000 + s.number}` }));
const deadline = Date.now() + 180_000;
let pending = urls;
while (pending.length > 0 && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 500));
  const up = await Promise.all(pending.map((u) => answers(u.url)));
  pending = pending.filter((_, i) => !up[i]);
}
console.log('\nThe journey is running:');
const down = new Set(pending);
for (const entry of urls) {
  const mark = down.has(entry) ? '✗ not answering' : '✓';
  console.log(`  ${mark} stage ${entry.stage.number}  ${entry.stage.folder.padEnd(20)} ${entry.url}`);
}
console.log('Ctrl+C stops every stage.\n');

function stopAll() {
  for (const child of children) {
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  process.exit(0);
}
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
