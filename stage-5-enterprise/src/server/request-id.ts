import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A caller's own id is kept when it looks like one (a balancer's, a client's retry); anything else is replaced. */
const CALLERS_ID = /^[\w.:-]{1,128}$/;

/**
 * Every request's id: the caller's `X-Request-Id` when sane, else a new UUID. It is echoed in the
 * response header, written on every log line and put in every error body, so a customer quoting
 * one id leads support to the exact request. pino-http calls it and keeps it as `req.id`.
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && CALLERS_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
