import type { ErrorCode } from './types.js';

/**
 * Every failure the client reports is a JourneyError: the API's own errors (`code` from its
 * catalogue, e.g. `not_found`, `plan_limit`) and the client's (`timeout`, `network_error`,
 * `missing_api_key`, `invalid_response`). `requestId` is the one to quote to support.
 */
export interface JourneyErrorInit {
  code: ErrorCode;
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  requestId?: string;
  details?: unknown;
  cause?: unknown;
}

export class JourneyError extends Error {
  readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(init: JourneyErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'JourneyError';
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

/** An attempt got no answer within `timeoutMs` (after every retry). */
export class JourneyTimeoutError extends JourneyError {
  constructor(timeoutMs: number, cause?: unknown) {
    super({ code: 'timeout', message: `The Journey API did not answer within ${timeoutMs} ms.`, cause });
    this.name = 'JourneyTimeoutError';
  }
}

/** The request never reached the server, or its answer never came back (DNS, refused, reset). */
export class JourneyNetworkError extends JourneyError {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super({ code: 'network_error', message: `Could not reach the Journey API: ${reason}`, cause });
    this.name = 'JourneyNetworkError';
  }
}

/** The error a non-2xx answer stands for: the API's `{ error: { code, message, details, requestId } }`. */
export function errorFromResponse(status: number, statusText: string, headers: Headers, body: unknown): JourneyError {
  const error = (body as { error?: Partial<JourneyErrorInit> } | undefined)?.error;
  const requestId = (typeof error?.requestId === 'string' ? error.requestId : undefined) ?? headers.get('x-request-id') ?? undefined;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    return new JourneyError({ code: error.code, message: error.message, status, requestId, details: error.details });
  }
  // Not the API's shape: a proxy's page, an empty 502.
  return new JourneyError({ code: 'http_error', message: `HTTP ${status} ${statusText}`.trim(), status, requestId });
}
