import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isEngineError } from '@journey/llm-core';
import { z } from 'zod';

/** Every error a client sees has this shape: `{ error: { code, message, details? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error meant for the client: its status, a stable machine code and a human message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Parses `value` with `schema`, or throws a 400 that lists every problem by field. The message
 * names the first problem for a person; `where` says what was checked (e.g. "Pattern 3").
 */
export function validate<T>(schema: z.ZodType<T>, value: unknown, where?: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = details[0]!;
  const message = where ? `${where}: ${first.message}` : first.path ? `${first.path}: ${first.message}` : first.message;
  throw new HttpError(400, 'invalid_request', message, details);
}

/** For paths no route answered: a JSON 404 rather than Express's HTML page. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `Nothing at ${req.method} ${req.path}.`));
};

/** What body-parser's errors (they carry `type`) mean to a client. */
const BODY_ERRORS: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': { code: 'invalid_json', message: 'The request body is not valid JSON.' },
  'entity.too.large': { code: 'payload_too_large', message: 'The request body is too large.' },
};

/** Turns anything thrown into a status and a body a client may see. */
function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  // The engine's typed refusals (input too long, trigger too complex) are the client's mistake.
  if (isEngineError(err)) return new HttpError(400, err.code, err.message, err.details);
  // The router could not decode a path parameter (`/api/patterns/%`).
  if (err instanceof URIError) return new HttpError(400, 'invalid_path', 'The address has a broken %-escape.');
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, type, expose, message } = err as { status?: number; type?: string; expose?: boolean; message?: string };
  // body-parser (and other http-errors) mark client errors with `expose`.
  if (expose && typeof status === 'number' && status >= 400 && status < 500) {
    const known = type ? BODY_ERRORS[type] : undefined;
    return new HttpError(status, known?.code ?? 'bad_request', known?.message ?? message ?? 'Bad request.');
  }
  return undefined;
}

/**
 * The one place errors become responses. Client mistakes get their 4xx; anything else is a bug or
 * an outage: it is logged in full and the client gets a plain 500, never a stack trace.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err); // too late for a JSON answer: let Express end the response
  const known = toHttpError(err);
  if (!known) req.log.error({ err }, 'unhandled error');
  const { status, code, message, details } = known ?? new HttpError(500, 'internal_error', 'Something went wrong on the server.');
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  res.status(status).json(body);
};
