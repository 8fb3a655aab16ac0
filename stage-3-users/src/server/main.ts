import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadConfig, type Config } from './config';
import { openDatabase } from './db';
import { createPatternsRepo } from './patterns-repo';
import { createPatternsService } from './patterns-service';
import { createApp } from './app';
import { createAccounts } from './auth/accounts';
import { loadSessionSecret } from './auth/session-secret';
import { FileOutbox } from './mail/outbox';

const WEB_ROOT = fileURLToPath(new URL('../../dist', import.meta.url));
/** How long in-flight requests get to finish after a stop signal before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

let config: Config;
let secret: Uint8Array;
try {
  config = loadConfig();
  secret = loadSessionSecret(config.dataDir, config.jwtSecret);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const logger = pino({ level: config.logLevel });
const db = openDatabase(config.dataDir);
const patterns = createPatternsService(createPatternsRepo(db), { quota: config.patternQuota });
// Development mailer: files in DATA_DIR/outbox. Production needs a real one (see README).
const outbox = new FileOutbox(join(config.dataDir, 'outbox'));
if (config.production) logger.warn(`mails are written to ${outbox.dir}, not sent: plug a real mailer into createAccounts`);
const accounts = createAccounts(db, { secret, mailer: outbox, appUrl: config.appUrl });
const app = createApp({ patterns, accounts, logger, appUrl: config.appUrl, production: config.production, outbox, webRoot: WEB_ROOT });

const server = app.listen(config.port, config.host, (err?: Error) => {
  if (err) {
    logger.fatal({ err }, 'could not listen');
    db.close();
    process.exit(1);
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  logger.info({ url, host: config.host, dataDir: config.dataDir }, `stage 3 listening on ${url}`);
});

// close() waits for every open connection, and browsers keep theirs open between requests. While
// stopping, close each one as soon as its response is sent (idle ones are closed at once below).
let stopping = false;
server.on('request', (_req, res) => {
  res.on('finish', () => {
    if (stopping) setImmediate(() => server.closeIdleConnections());
  });
});

/** Stop accepting, let in-flight requests finish, then close the database (which checkpoints the WAL). */
function shutdown(signal: NodeJS.Signals): void {
  logger.info({ signal }, 'shutting down');
  stopping = true;
  const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  server.close(() => {
    clearTimeout(timer);
    db.close();
    logger.info('stopped');
    process.exit(0);
  });
  server.closeIdleConnections();
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
