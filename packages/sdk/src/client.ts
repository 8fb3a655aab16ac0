import { resolveConfig, type JourneyClientOptions } from './config.js';
import { send, type Request, type RequestOptions, type TransportConfig } from './transport.js';
import type { AnswerOf, Pattern, PatternChanges, PatternInput, PatternList, Ping, Reply, Usage } from './types.js';

/**
 * The Journey API v1 for programs: `new JourneyClient({ apiKey, baseUrl })`, then one method per
 * route. Every method returns the API's answer, typed from its OpenAPI document, or throws a
 * JourneyError.
 */
export class JourneyClient {
  readonly patterns: PatternsApi;
  private readonly config: TransportConfig;

  constructor(options: JourneyClientOptions = {}) {
    this.config = resolveConfig(options);
    this.patterns = new PatternsApi(this.call);
  }

  /** Checks the key: `{ ok, organization }` for the organization it belongs to. */
  ping(options?: RequestOptions): Promise<Ping> {
    return this.call({ ...options, method: 'GET', path: '/api/v1/ping' });
  }

  /** The organization's reply to one message. */
  async chat(message: string, options?: RequestOptions): Promise<Reply> {
    const answer = await this.call<AnswerOf<'chat', 200>>({ ...options, method: 'POST', path: '/api/v1/chat', body: { message } });
    return answer.reply;
  }

  /** The plan, its limits, and what this period used. */
  usage(options?: RequestOptions): Promise<Usage> {
    return this.call({ ...options, method: 'GET', path: '/api/v1/usage' });
  }

  private call = <T>(request: Request): Promise<T> => send<T>(this.config, request);
}

/** `journey.patterns`: the organization's patterns, newest first. */
export class PatternsApi {
  constructor(private readonly call: <T>(request: Request) => Promise<T>) {}

  /** One page: pass `nextCursor` back as `cursor` for the next (null: that was the last). */
  list(page: { limit?: number; cursor?: string } = {}, options?: RequestOptions): Promise<PatternList> {
    return this.call({ ...options, method: 'GET', path: '/api/v1/patterns', query: { limit: page.limit, cursor: page.cursor } });
  }

  /** Every pattern, page after page, fetched as you iterate. */
  async *all(page: { limit?: number } = {}, options?: RequestOptions): AsyncGenerator<Pattern, void, undefined> {
    let cursor: string | undefined;
    do {
      const { patterns, nextCursor } = await this.list({ limit: page.limit, cursor }, options);
      yield* patterns;
      cursor = nextCursor ?? undefined;
    } while (cursor);
  }

  async get(id: string, options?: RequestOptions): Promise<Pattern> {
    return (await this.call<AnswerOf<'getPattern', 200>>({ ...options, method: 'GET', path: patternPath(id) })).pattern;
  }

  /** Teaches a pattern. Retried safely: the Idempotency-Key makes a repeat replay, not teach twice. */
  async create(input: PatternInput, options?: RequestOptions): Promise<Pattern> {
    return (await this.call<AnswerOf<'createPattern', 201>>({ ...options, method: 'POST', path: '/api/v1/patterns', body: input })).pattern;
  }

  async update(id: string, changes: PatternChanges, options?: RequestOptions): Promise<Pattern> {
    return (await this.call<AnswerOf<'updatePattern', 200>>({ ...options, method: 'PATCH', path: patternPath(id), body: changes })).pattern;
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.call({ ...options, method: 'DELETE', path: patternPath(id) });
  }
}

const patternPath = (id: string) => `/api/v1/patterns/${encodeURIComponent(id)}`;
