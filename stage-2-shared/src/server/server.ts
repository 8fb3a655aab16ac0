import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { STAGE } from '../shared/stage';
import type { Config } from './config';
import { openDatabase } from './db';
import { createPatternsRepo } from './patterns-repo';
import { createPatternsService } from './patterns-service';
import { createApp } from './app';

/** How long in-flight requests get to finish after stop() before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface ServerOptions {
  /** The built page (vite build → dist); omitted in API-only tests. */
  webRoot?: string;
  /** Where logs go; by default stdout, at config.logLevel. */
  logger?: Logger;
}

/**
 * The composition root: the one place that wires database → repositories → services → app. main.ts,
 * the tests and the benchmarks all build the server here, so they run the same thing.
 */
export function createServer(config: Config, options: ServerOptions = {}) {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const db = openDatabase(config.dataDir);
  const patterns = createPatternsService(createPatternsRepo(db));
  const app = createApp({ patterns, logger, webRoot: options.webRoot });
  let server: Server | undefined;
  let stopping = false;

  return {
    app,
    db,
    patterns,
    logger,

    /** Listens on config.port; resolves with the server's address once it does. */
    start: () =>
      new Promise<string>((resolve, reject) => {
        const listening = app.listen(config.port, (err?: Error) => {
          if (err) return reject(err);
          const url = `http://localhost:${(listening.address() as AddressInfo).port}`;
          logger.info({ url, dataDir: config.dataDir }, `stage ${STAGE.number} listening on ${url}`);
          resolve(url);
        });
        // close() waits for every open connection, and browsers keep theirs open between requests.
        // While stopping, close each one as soon as its response is sent.
        listening.on('request', (_req, res) => {
          res.on('finish', () => {
            if (stopping) setImmediate(() => listening.closeIdleConnections());
          });
        });
        server = listening;
      }),

    /** Stops accepting, lets in-flight requests finish, then closes the database (which checkpoints the WAL). */
    async stop(): Promise<void> {
      stopping = true;
      if (server?.listening) {
        const open = server;
        const timer = setTimeout(() => open.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
        const closed = new Promise((resolve) => open.close(resolve));
        open.closeIdleConnections();
        await closed;
        clearTimeout(timer);
      }
      if (db.open) db.close();
      logger.info('stopped');
    },
  };
}

export type JourneyServer = ReturnType<typeof createServer>;
