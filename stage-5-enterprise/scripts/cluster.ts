import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processes } from './processes';

const STAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const TEMPLATE = join(STAGE_DIR, 'deploy/nginx/journey.conf.template');
export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface ClusterOptions {
  /** nginx's port: the one address people open. */
  port: number;
  /** One instance per port, each listening on 127.0.0.1. */
  instancePorts: number[];
  /** The instances' environment: DATABASE_URL, REDIS_URL, JWT_SECRET and the rest. */
  env: Record<string, string | undefined>;
  /** Where each line the instances and nginx print goes. */
  log?: (line: string) => void;
}

export interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<number | string>;
}

export interface Cluster {
  url: string;
  instances: Instance[];
  /**
   * Stops instance `i` the way an orchestrator does: out of nginx first (a reload, done once nginx's
   * old workers have finished), then SIGTERM. Resolves with how it exited.
   */
  retire(i: number): Promise<number | string>;
  /** Starts instance `i` again (after a kill or a retire), on its own port, and puts it back into nginx. */
  restart(i: number): Promise<Instance>;
  stop(): Promise<void>;
}

/** What a cluster cannot run without: said all at once, with why. */
export function missingSettings(env: Record<string, string | undefined>): string[] {
  return [
    !env.DATABASE_URL && 'DATABASE_URL: the instances must share one PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/journey',
    !env.REDIS_URL && 'REDIS_URL: the instances must share rate limits and engine news, e.g. redis://127.0.0.1:6379',
  ].filter((problem): problem is string => Boolean(problem));
}

/** The nginx configuration for these ports, from the template in deploy/nginx. */
export function renderNginxConfig(dir: string, port: number, instancePorts: number[]): string {
  const servers = instancePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n');
  return readFileSync(TEMPLATE, 'utf8').replaceAll('{{DIR}}', dir).replaceAll('{{PORT}}', String(port)).replace('{{SERVERS}}', servers);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
}

async function waitUntil(what: string, check: () => Promise<boolean>, gone: Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  let exited = false;
  void gone.then(() => (exited = true));
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (exited) throw new Error(`${what} exited before it answered`);
    if (Date.now() > until) throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function started(child: ChildProcess, name: string, log: (line: string) => void): Promise<number | string> {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8').on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach((line) => log(`[${name}] ${line}`)));
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal!)));
}

/**
 * N instances of the server (src/server/main.ts, as `pnpm start` runs it) on loopback ports, and
 * nginx in front of them on `port`. `node --import tsx` keeps each instance one process, so a
 * signal reaches the server itself.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const missing = missingSettings(options.env);
  if (missing.length > 0) throw new Error(`The cluster needs:\n  ${missing.join('\n  ')}`);
  const log = options.log ?? (() => {});
  const ports = options.instancePorts;

  async function startInstance(port: number): Promise<Instance> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: STAGE_DIR,
      env: { ...process.env, APP_URL: `http://localhost:${options.port}`, ...options.env, PORT: String(port), HOST: '127.0.0.1', INSTANCES: String(ports.length), TRUST_PROXY: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = started(child, `:${port}`, log);
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(`the instance on port ${port}`, () => answers(`${url}/health/ready`), exited);
    return { port, url, child, exited };
  }

  const dir = mkdtempSync(join(tmpdir(), 'journey-nginx-'));
  const nginxArgs = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const instances: Instance[] = [];
  let nginx: { child: ChildProcess; exited: Promise<number | string> } | undefined;

  /**
   * nginx sends to these instances from now on. A reload starts new workers and lets the old ones
   * finish what they are doing; once they are gone, no request can reach an instance left out.
   */
  async function balanceOver(serving: number[]): Promise<void> {
    writeFileSync(join(dir, 'nginx.conf'), renderNginxConfig(dir, options.port, serving));
    if (!nginx?.child.pid) return;
    const master = nginx.child.pid;
    const oldWorkers = processes().filter((proc) => proc.parent === master).map((proc) => proc.pid);
    execFileSync(NGINX, [...nginxArgs, '-s', 'reload']);
    await waitUntil('the old nginx workers to finish', async () => oldWorkers.every((pid) => !existsSync(`/proc/${pid}`)), nginx.exited, 10_000);
  }
  const retired = new Set<number>(); // instances taken out of nginx
  const serving = () => ports.filter((_, i) => !retired.has(i));
  const stop = async () => {
    nginx?.child.kill('SIGQUIT'); // nginx's graceful stop
    for (const instance of instances) if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGTERM');
    await Promise.all([nginx?.exited, ...instances.map((instance) => instance.exited)]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // The first one alone: it migrates the database, and the others find it done.
    instances.push(await startInstance(ports[0]!));
    instances.push(...(await Promise.all(ports.slice(1).map(startInstance))));
    await balanceOver(ports);
    const child = spawn(NGINX, [...nginxArgs, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx = { child, exited: started(child, 'nginx', log) };
    const url = `http://127.0.0.1:${options.port}`;
    await waitUntil('nginx', () => answers(`${url}/health/ready`), nginx.exited, 10_000);
    return {
      url,
      instances,
      async retire(i) {
        // A bare SIGTERM closes the listener while nginx may still be connecting: a connection the
        // kernel accepted just before the close is reset, and nginx never sends a POST again.
        if (serving().length === 1 && !retired.has(i)) throw new Error('the last instance serving cannot be retired: stop the cluster');
        retired.add(i);
        await balanceOver(serving());
        instances[i]!.child.kill('SIGTERM');
        return instances[i]!.exited;
      },
      async restart(i) {
        instances[i] = await startInstance(ports[i]!);
        retired.delete(i);
        await balanceOver(serving());
        return instances[i]!;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
