import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isEngineError } from '@journey/llm-core';
import { z } from 'zod';
import type { ErrorBody, ErrorCode } from '../shared/api';
import { AppError } from './app-error';

/** The one place where a code becomes an HTTP status. */
const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  invalid_json: 400,
  invalid_export: 400,
  input_too_long: 400,
  trigger_too_complex: 400,
  bad_request: 400,
  invalid_path: 400,
  invalid_cursor: 400,
  invalid_token: 400,
  confirmation_mismatch: 400,
  invalid_signature: 400,
  unauthorized: 401,
  api_key_required: 401,
  invalid_credentials: 401,
  plan_limit: 402,
  cross_origin: 403,
  forbidden: 403,
  suspended: 403,
  invitation_wrong_email: 403,
  invitation_wrong_domain: 403,
  not_found: 404,
  invitation_expired: 410,
  transfer_expired: 410,
  email_taken: 409,
  quota_exceeded: 409,
  idempotency_in_progress: 409,
  invitation_used: 409,
  already_member: 409,
  last_owner: 409,
  transfer_pending: 409,
  no_organization: 409,
  no_subscription: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  misdirected_request: 421,
  idempotency_key_reused: 422,
  too_many_attempts: 429,
  rate_limited: 429,
  sso_required: 403,
  sso_domain_taken: 409,
  sso_issuer_unreachable: 400,
  sso_unavailable: 503,
  internal_error: 500,
  busy: 503,
};

/** ...and the headers some codes carry: how long to wait before trying again. */
function headersFor({ code, details }: AppError): Record<string, string> {
  const wait = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  return (code === 'too_many_attempts' || code === 'rate_limited' || code === 'busy') && wait !== undefined ? { 'Retry-After': String(wait) } : {};
}

/**
 * Parses `value` with `schema`, or throws `invalid_request` listing every problem by field. The
 * message names the first problem for a person; `where` says what was checked (e.g. "Pattern 3").
 */
export function validate<T>(schema: z.ZodType<T>, value: unknown, where?: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = details[0]!;
  const message = where ? `${where}: ${first.message}` : first.path ? `${first.path}: ${first.message}` : first.message;
  throw new AppError('invalid_request', message, details);
}

/** For paths no route answered: a JSON 404 rather than Express's HTML page. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `Nothing at ${req.method} ${req.path}.`));
};

/** What body-parser's errors (they carry `type`) mean to a client. */
const BODY_ERRORS: Record<string, { code: ErrorCode; message?: string }> = {
  'entity.parse.failed': { code: 'invalid_json', message: 'The request body is not valid JSON.' },
  'entity.too.large': { code: 'payload_too_large', message: 'The request body is too large.' },
  'charset.unsupported': { code: 'unsupported_media_type' }, // body-parser's message names the charset
  'encoding.unsupported': { code: 'unsupported_media_type' },
};

/** Turns anything thrown into an error a client may see, or undefined for a bug. */
function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  // The engine's typed refusals (input too long, trigger too complex) are the client's mistake.
  if (isEngineError(err)) return new AppError(err.code, err.message, err.details);
  // The router could not decode a path parameter (`/api/patterns/%`).
  if (err instanceof URIError) return new AppError('invalid_path', 'The address has a broken %-escape.');
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, type, expose, message } = err as { status?: number; type?: string; expose?: boolean; message?: string };
  // body-parser (and other http-errors) mark client errors with `expose`.
  if (expose && typeof status === 'number' && status >= 400 && status < 500) {
    const known = type ? BODY_ERRORS[type] : undefined;
    return new AppError(known?.code ?? 'bad_request', known?.message ?? message ?? 'Bad request.');
  }
  return undefined;
}

/**
 * The one place errors become responses. Client mistakes get their 4xx; anything else is a bug or
 * an outage: it is logged in full and the client gets a plain 500, never a stack trace.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err); // too late for a JSON answer: let Express end the response
  const known = toAppError(err);
  if (!known) req.log.error({ err }, 'unhandled error');
  const error = known ?? new AppError('internal_error', 'Something went wrong on the server.');
  const { code, message, details } = error;
  const requestId = String(req.id);
  const body: ErrorBody = { error: details === undefined ? { code, message, requestId } : { code, message, details, requestId } };
  res.status(STATUS[code]).set(headersFor(error)).json(body);
};
