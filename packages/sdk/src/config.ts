import { JourneyError } from './errors.js';
import type { TransportConfig } from './transport.js';

export interface JourneyClientOptions {
  /** An organization API key, `jrny_sk_…`. Default: the JOURNEY_API_KEY environment variable. */
  apiKey?: string;
  /** Default: JOURNEY_BASE_URL, else http://localhost:3005. */
  baseUrl?: string;
  /** Per attempt, body included. Default 30 000. */
  timeoutMs?: number;
  /** Retries after the first attempt (429, 5xx, timeouts, network errors). Default 2; 0 turns them off. */
  maxRetries?: number;
  /** Your own fetch (a proxy agent, a test double). Default: the platform's. */
  fetch?: typeof fetch;
}

export const DEFAULTS = { baseUrl: 'http://localhost:3005', timeoutMs: 30_000, maxRetries: 2 } as const;

/** An environment variable in Node; nothing in a browser, where there is no `process`. */
function env(name: string): string | undefined {
  const processLike = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return processLike?.env?.[name] || undefined;
}

export function resolveConfig(options: JourneyClientOptions): TransportConfig {
  const apiKey = options.apiKey ?? env('JOURNEY_API_KEY');
  if (!apiKey) {
    throw new JourneyError({
      code: 'missing_api_key',
      message: 'No API key: pass new JourneyClient({ apiKey: "jrny_sk_…" }) or set JOURNEY_API_KEY (create a key under API keys).',
    });
  }
  return {
    apiKey,
    baseUrl: options.baseUrl ?? env('JOURNEY_BASE_URL') ?? DEFAULTS.baseUrl,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
    // Called through a wrapper: a browser's fetch throws "Illegal invocation" when detached from window.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  };
}
