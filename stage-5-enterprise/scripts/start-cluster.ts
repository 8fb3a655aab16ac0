import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { STAGE } from '../src/shared/stage';
import { NGINX, missingSettings, startCluster } from './cluster';

/**
 * `pnpm start:cluster`: INSTANCES (2 unless set) instances behind nginx on PORT (3005), sharing
 * DATABASE_URL and REDIS_URL, serving the page built here (vite build). Ctrl+C stops nginx, then lets every instance finish its requests.
 */
const missing = missingSettings(process.env);
if (missing.length > 0) {
  console.error(`start:cluster needs these settings:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
const instances = Number(process.env.INSTANCES ?? 2);
const port = Number(process.env.PORT ?? STAGE.port);
if (!Number.isInteger(instances) || instances < 1 || !Number.isInteger(port)) {
  console.error('INSTANCES must be a whole number of instances (1 or more), PORT a port number.');
  process.exit(1);
}
const env = { ...process.env };
if (!env.JWT_SECRET) {
  env.JWT_SECRET = randomBytes(32).toString('base64url');
  console.log('JWT_SECRET is not set: made one for this run, so every instance accepts the sessions the others sign (they end when the cluster stops).');
}

execFileSync('pnpm', ['exec', 'vite', 'build'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });

const cluster = await startCluster({
  port,
  instancePorts: Array.from({ length: instances }, (_, i) => port + 100 + i), // 3105, 3106, …
  env,
  log: (line) => console.log(line),
}).catch((err: Error) => {
  console.error(`start:cluster: ${err.message} (nginx: ${NGINX})`);
  process.exit(1);
});
console.log(`${instances} instances (${cluster.instances.map((i) => i.port).join(', ')}) behind nginx: open ${cluster.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void cluster.stop().then(() => process.exit(0));
  });
}
