import { fileURLToPath } from 'node:url';
import { loadConfig } from './config';
import { createServer, type JourneyServer } from './server';

const WEB_ROOT = fileURLToPath(new URL('../../dist', import.meta.url));

let server: JourneyServer;
try {
  server = await createServer(loadConfig(), { webRoot: WEB_ROOT });
} catch (err) {
  console.error((err as Error).message); // a bad setting: say which, without a stack trace
  process.exit(1);
}

server.start().catch(async (err: unknown) => {
  server.logger.fatal({ err }, 'could not listen');
  await server.stop();
  process.exit(1);
});

function shutdown(signal: NodeJS.Signals): void {
  server.logger.info({ signal }, 'shutting down');
  void server.stop().then(() => process.exit(0));
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
