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
    let failure: JourneyError;
    let retryAfter: string | null = null;
    try {
      const { status, statusText, headers: answerHeaders, body } = await attemptOnce(config.fetch, url, init, timeoutMs, request.signal);
      if (status >= 200 && status < 300) return body as T;
      failure = errorFromResponse(status, statusText, answerHeaders, body);
      if (!isRetryableStatus(status)) throw failure;
      retryAfter = answerHeaders.get('retry-after');
    } catch (error) {
      if (!(error instanceof JourneyTimeoutError || error instanceof JourneyNetworkError)) throw error;
      failure = error;
    }
    const wait = attempt < config.maxRetries ? retryDelayMs(attempt, retryAfter) : undefined;
    if (wait === undefined) throw failure;
    await sleep(wait, request.signal);
  }
}

interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  body: unknown;
}

/** One HTTP exchange, body read included, within `timeoutMs`. */
async function attemptOnce(fetchFn: typeof fetch, url: string, init: RequestInit, timeoutMs: number, callerSignal?: AbortSignal): Promise<Answer> {
  callerSignal?.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout.signal]) : timeout.signal;
  try {
    const response = await fetchFn(url, { ...init, signal });
    const text = await response.text();
    return { status: response.status, statusText: response.statusText, headers: response.headers, body: parseBody(text, response) };
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (timeout.signal.aborted) throw new JourneyTimeoutError(timeoutMs, error);
    if (error instanceof JourneyError) throw error;
    throw new JourneyNetworkError(error);
  } finally {
    clearTimeout(timer);
  }
}

function parseBody(text: string, response: Response): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (!response.ok) return undefined; // a proxy's HTML error page: the status says enough
    const requestId = response.headers.get('x-request-id') ?? undefined;
    throw new JourneyError({ code: 'invalid_response', message: `The Journey API answered ${response.status} with a body that is not JSON.`, status: response.status, requestId });
  }
}

function urlOf(baseUrl: string, path: string, query: Request['query'] = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
  const qs = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}
