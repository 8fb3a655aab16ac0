import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config';
import { createServer, type JourneyServer } from './server';

const WEB_ROOT = fileURLToPath(new URL('../../dist', import.meta.url));

let config: Config;
let server: JourneyServer;
try {
  config = loadConfig();
  server = await createServer(config, { webRoot: WEB_ROOT });
} catch (err) {
  console.error((err as Error).message); // a bad setting: say which, without a stack trace
  process.exit(1);
}

server.start().catch(async (err: unknown) => {
  server.logger.fatal({ err }, 'could not listen');
  await server.stop();
  process.exit(1);
});

/** SIGTERM (an orchestrator, `docker stop`) or Ctrl+C: drain, then exit 0 (server.ts stop()). */
function shutdown(signal: NodeJS.Signals): void {
  server.logger.info({ signal }, 'shutting down');
  // A last resort: a stop that hangs (a database that never answers) must not outlive the grace period.
  const { drainDelayMs, shutdownTimeoutMs } = config;
  setTimeout(() => process.exit(1), drainDelayMs + shutdownTimeoutMs + 5_000).unref();
  void server.stop().then(() => process.exit(0));
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
