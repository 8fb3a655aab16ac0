import { JourneyError, JourneyNetworkError, JourneyTimeoutError, errorFromResponse } from './errors.js';
import { isRetryableStatus, retryDelayMs } from './retry.js';

/** What every request needs from the client's configuration. */
export interface TransportConfig {
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  fetch: typeof fetch;
}

/** Per call: each method of the client takes these as its last argument. */
export interface RequestOptions {
  /** For a POST: your own Idempotency-Key (e.g. your order id); otherwise one is made per call. */
  idempotencyKey?: string;
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
}

export interface Request extends RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/**
 * One call to the API: JSON in, JSON out, a JourneyError for anything else. Retries 429, 5xx,
 * timeouts and network errors up to `maxRetries` times. A POST carries one Idempotency-Key on
 * every attempt, so a retry of a request the server did handle replays its answer instead of
 * doing it twice. Only the platform: fetch, AbortController, crypto.randomUUID.
 */
export async function send<T>(config: TransportConfig, request: Request): Promise<T> {
  const url = urlOf(config.baseUrl, request.path, request.query);
  const headers: Record<string, string> = { authorization: `Bearer ${config.apiKey}`, accept: 'application/json' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.method === 'POST') headers['idempotency-key'] = request.idempotencyKey ?? crypto.randomUUID();
  const init: RequestInit = { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) };
  const timeoutMs = request.timeoutMs ?? config.timeoutMs;

  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(config.fetch, url, init, timeoutMs, request.signal);
    if (outcome.ok) return outcome.body as T;
    const wait = outcome.retryable && attempt < config.maxRetries ? retryDelayMs(attempt, outcome.retryAfter) : undefined;
    if (wait === undefined) throw outcome.error;
    await sleep(wait, request.signal);
  }
}

/** One attempt's outcome: the answer's body, or the error and whether another attempt may help. */
type Outcome = { ok: true; body: unknown } | { ok: false; error: JourneyError; retryable: boolean; retryAfter: string | null };

/** One HTTP exchange, body read included, within `timeoutMs`. Throws only when the caller aborts. */
async function attemptOnce(fetchFn: typeof fetch, url: string, init: RequestInit, timeoutMs: number, callerSignal?: AbortSignal): Promise<Outcome> {
  callerSignal?.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
  try {
    const response = await fetchFn(url, { ...init, signal });
    const body = parseBody(await response.text(), response);
    if (body instanceof JourneyError) return { ok: false, error: body, retryable: false, retryAfter: null };
    if (response.ok) return { ok: true, body };
    const error = errorFromResponse(response.status, response.statusText, response.headers, body);
    return { ok: false, error, retryable: isRetryableStatus(response.status), retryAfter: response.headers.get('retry-after') };
  } catch (cause) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    // No answer at all: the server may never have seen the request, so another attempt may help.
    const error = timeout.signal.aborted ? new JourneyTimeoutError(timeoutMs, cause) : new JourneyNetworkError(cause);
    return { ok: false, error, retryable: true, retryAfter: null };
  } finally {
    clearTimeout(timer);
  }
}

/** The JSON body; undefined when empty or, for an error, not JSON; a JourneyError for a 2xx that is not JSON. */
function parseBody(text: string, response: Response): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (!response.ok) return undefined; // a proxy's HTML error page: the status says enough
    const requestId = response.headers.get('x-request-id') ?? undefined;
    return new JourneyError({ code: 'invalid_response', message: `The Journey API answered ${response.status} with a body that is not JSON.`, status: response.status, requestId });
  }
}

function urlOf(baseUrl: string, path: string, query: Request['query'] = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
  const qs = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
}

/** Waits `ms`, or rejects with the caller's reason as soon as they abort. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => (clearTimeout(timer), reject(signal!.reason));
    const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
