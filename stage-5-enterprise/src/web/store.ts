import { createExport, parseExport, type ExportFile, type PatternInput, type Reply } from '@journey/llm-core';
import { StoreError, type PatternStore, type Taught } from '@journey/ui';
import type { ChatAnswer, ErrorBody, ImportAnswer, Pattern, PatternAnswer, PatternList } from '../shared/api';

/** A refusal from the server: its status, and its messages by field (e.g. `password`) when it gave some. */
export class ApiError extends StoreError {
  constructor(
    message: string,
    code: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
    /** The error's `details` as the server sent them (a 402 plan_limit says which limit, and the plan's). */
    readonly details?: unknown,
  ) {
    super(message, code);
  }
}

/** What a 402 `plan_limit` says in `details` (src/server/plan-limits.ts): the page offers an upgrade with it. */
export interface PlanLimitDetails {
  limit: 'patterns' | 'chats_per_month';
  plan: 'free' | 'pro' | 'enterprise';
  allowed: number;
  used: number;
  upgradeUrl: string;
}

/** A refusal because the organization's plan is full: teach, import and chat can all meet one. */
export const isPlanLimit = (error: unknown): error is ApiError & { details: PlanLimitDetails } =>
  error instanceof ApiError && error.status === 402 && error.code === 'plan_limit';

/** What GET /api/patterns answers: a page, and the cursor of the next one (null: that was the last). */
export type PatternPage = PatternList;

/** The largest page the server gives (PAGE_SIZE.max in src/shared/api.ts). */
const MAX_PAGE = 500;

/**
 * Stage 2's PatternStore: the patterns live on the server, and so does the engine. Every method is
 * one HTTP request; a refusal comes back as a StoreError carrying the server's own message.
 */
export class HttpPatternStore implements PatternStore {
  /**
   * `base` is where the API lives; the page and the API share an origin, so normally ''.
   * `onSignedOut` runs when the server answers 401: the session expired or ended elsewhere.
   * `onPlanLimit` runs when it answers 402 plan_limit: the page opens the upgrade dialog. Either
   * way the error is thrown on as well, so the form that asked shows the server's message.
   */
  constructor(
    private readonly base = '',
    private readonly onSignedOut: () => void = () => {},
    private readonly onPlanLimit: (error: ApiError & { details: PlanLimitDetails }) => void = () => {},
  ) {}

  /** One page of patterns, newest first; pass the previous page's `nextCursor` for the next one. */
  async listPage(cursor?: string | null, limit?: number): Promise<PatternPage> {
    const query = new URLSearchParams({ ...(cursor ? { cursor } : {}), ...(limit ? { limit: String(limit) } : {}) });
    return this.request<PatternPage>('GET', `/api/patterns${query.size ? `?${query}` : ''}`);
  }

  /** Every pattern, page after page, oldest first (the export file holds them all, in the order taught). */
  async list(): Promise<Pattern[]> {
    const all: Pattern[] = [];
    let cursor: string | null = null;
    do {
      const page: PatternPage = await this.listPage(cursor, MAX_PAGE);
      all.push(...page.patterns);
      cursor = page.nextCursor;
    } while (cursor);
    return all.reverse();
  }

  /** The saved pattern, and the patterns that already answered some of its messages. */
  async add(input: PatternInput): Promise<Taught> {
    return this.request<PatternAnswer>('POST', '/api/patterns', input);
  }

  async update(id: string, changes: Partial<PatternInput>): Promise<Taught> {
    return this.request<PatternAnswer>('PUT', `/api/patterns/${encodeURIComponent(id)}`, changes);
  }

  async remove(id: string): Promise<void> {
    await this.request('DELETE', `/api/patterns/${encodeURIComponent(id)}`);
  }

  async chat(message: string): Promise<Reply> {
    return (await this.request<ChatAnswer>('POST', '/api/chat', { message })).reply;
  }

  /** All patterns as the portable file, the same one stage 1 writes. */
  async exportFile(): Promise<ExportFile> {
    return createExport(await this.list());
  }

  /** Sends an export file as it is; the server checks it and adds what is new. Returns how many. */
  async importFile(text: string): Promise<number> {
    // Not a patterns file at all? Say so at once, without a round trip. The server checks it again.
    const parsed = parseExport(text);
    if (!parsed.ok) throw new StoreError(`This file can't be imported: ${parsed.reason}`, 'invalid_file');
    try {
      return (await this.request<ImportAnswer>('POST', '/api/import', text)).imported;
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      throw new StoreError(`This file can't be imported: ${error.message}`, error.code, { cause: error });
    }
  }

  /** One request as the signed-in user; a 401 means the session is gone. */
  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    try {
      return await request<T>(this.base, method, path, body);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onSignedOut();
      if (isPlanLimit(error)) this.onPlanLimit(error);
      throw error;
    }
  }
}

/**
 * One request to the API. `body` is sent as JSON; a string is taken to be JSON already. The
 * session cookie goes along by itself: the page and the API share an origin. `signal` aborts it
 * (a long poll the page no longer needs).
 */
export async function request<T>(base: string, method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method,
      signal,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  } catch (cause) {
    throw new StoreError('The server cannot be reached. Check that it is running, then try again.', 'network', { cause });
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    // Anything but our JSON error (a proxy's HTML page, say) leaves `error` undefined.
    const { error } = (data ?? {}) as Partial<ErrorBody>;
    throw new ApiError(
      error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      error?.code ?? `http_${response.status}`,
      response.status,
      fieldsOf(error?.details),
      error?.details,
    );
  }
  return data as T;
}

/** `[{ path: 'password', message }]` → `{ password: message }` (the first message per field). */
function fieldsOf(details: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(details)) return fields;
  for (const item of details as { path?: unknown; message?: unknown }[]) {
    if (typeof item?.path === 'string' && item.path && typeof item.message === 'string') fields[item.path] ??= item.message;
  }
  return fields;
}
