import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * What never reaches a log line, wherever it sits: credentials in request headers (a session
 * cookie, a `Bearer jrny_sk_…` key), the cookies a response sets, and secrets under their usual
 * names in any logged object. Logs are copied to places with wider access than the database.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.apiKey',
  '*.secret',
  '*.token',
];

/** JSON lines on stdout (or `destination`), one object per event, with the secrets above replaced. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
