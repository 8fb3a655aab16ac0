import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExport, EXPORT_FORMAT } from '@journey/llm-core';
import { StoreError } from '@journey/ui';
import { HttpAuth } from '../src/web/auth-client';
import { ApiError, HttpPatternStore } from '../src/web/store';
import { PASSWORD, startTestServer, type TestServer } from './helpers';

// The page's store against the real server: what the components get back, errors included.
let server: TestServer;
let store: HttpPatternStore;
let signedOut: number;

/** What a browser does for the page: send each server the session cookie it set (see helpers). */
const cookies = new Map<string, string>();
const browserFetch = globalThis.fetch;
beforeAll(() => {
  vi.stubGlobal('fetch', (url: string, init: RequestInit = {}) =>
    browserFetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), cookie: cookies.get(new URL(url).origin) ?? '' } }),
  );
});
afterAll(() => vi.unstubAllGlobals());

beforeEach(async () => {
  server = await startTestServer();
  cookies.set(server.url, server.session.cookie);
  signedOut = 0;
  store = new HttpPatternStore(server.url, () => signedOut++);
});
afterEach(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe('HttpPatternStore', () => {
  it('teaches, lists, updates, chats and deletes through the API', async () => {
    const { pattern: taught } = await store.add({ trigger: 'good morning', response: 'Morning!' });
    expect(await store.list()).toContainEqual(taught);
    expect(await store.chat('Good morning!')).toMatchObject({ text: 'Morning!', patternId: taught.id });

    const changed = await store.update(taught.id, { response: 'MORNING!' });
    expect(changed).toMatchObject({ pattern: { id: taught.id, trigger: 'good morning', response: 'MORNING!' }, overlaps: [] });
    expect((await store.chat('good morning')).text).toBe('MORNING!');

    await store.remove(taught.id);
    expect((await store.list()).map((p) => p.id)).not.toContain(taught.id);
  });

  it("surfaces the server's refusal as a StoreError with the server's message and code", async () => {
    const error = await rejection(store.add({ trigger: 'x'.repeat(201), response: 'ok' }));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe('trigger: Trigger must be at most 200 characters.');

    const gone = await rejection(store.remove('no-such-id'));
    expect(gone.code).toBe('not_found');
    expect(gone.message).toBe('That pattern does not exist; someone may have deleted it.');
  });

  it('round-trips the export file: export here, import there', async () => {
    await store.add({ trigger: 'export me', response: 'ok' });
    const file = await store.exportFile();
    expect(file.format).toBe(EXPORT_FORMAT);

    const elsewhere = await startTestServer();
    cookies.set(elsewhere.url, elsewhere.session.cookie);
    try {
      const other = new HttpPatternStore(elsewhere.url);
      for (const p of await other.list()) await other.remove(p.id);
      expect(await other.importFile(JSON.stringify(file))).toBe(file.patterns.length);
      expect((await other.chat('export me')).text).toBe('ok');
    } finally {
      await elsewhere.close();
    }
  });

  it("explains why a file can't be imported: its format at once, its patterns in the server's words", async () => {
    const notJson = await rejection(store.importFile('{ nope'));
    expect(notJson.message).toBe("This file can't be imported: The file is not valid JSON.");
    const future = await rejection(store.importFile(JSON.stringify({ ...createExport([]), version: 9 })));
    expect(future.message).toMatch(/^This file can't be imported: Unsupported file version 9/);

    const half = createExport([{ trigger: 'fine', response: 'ok' }, { trigger: 'empty', response: ' ' }]);
    const refused = await rejection(store.importFile(JSON.stringify(half)));
    expect(refused.message).toBe("This file can't be imported: Pattern 2: Response must not be empty.");
    expect((await store.chat('fine')).patternId).toBeNull();
  });

  it('says so plainly when the server cannot be reached', async () => {
    await server.close();
    const error = await rejection(store.list());
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/cannot be reached/);
    server = await startTestServer(); // for afterEach
  });

  it("tells the page when the plan is full (402 plan_limit), and still throws the server's message", async () => {
    const limited: unknown[] = [];
    const watched = new HttpPatternStore(server.url, () => {}, (error) => limited.push(error.details));
    await rejection(watched.add({ trigger: '', response: '' })); // a 400 is no plan limit
    expect(limited).toEqual([]);
    const eleven = createExport(Array.from({ length: 11 }, (_, i) => ({ trigger: `pattern ${i}`, response: 'ok' })));
    const error = await rejection(watched.importFile(JSON.stringify(eleven)));
    expect(error.message).toMatch(/^This file can't be imported: The free plan keeps 10 patterns/);
    expect(limited).toEqual([expect.objectContaining({ limit: 'patterns', plan: 'free', allowed: 10, upgradeUrl: expect.stringMatching(/\/#billing$/) })]);
  });

  it('tells the page when the session is gone (401), and only then', async () => {
    await rejection(store.add({ trigger: '', response: '' })); // a 400
    expect(signedOut).toBe(0);
    cookies.delete(server.url);
    const error = await rejection(store.list());
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(signedOut).toBe(1);
  });
});

describe('HttpAuth', () => {
  it('currentUser() is the signed-in user, or null without a session', async () => {
    const auth = new HttpAuth(server.url);
    expect(await auth.currentUser()).toEqual(server.session.user);
    cookies.delete(server.url);
    expect(await auth.currentUser()).toBeNull();
  });

  it("logIn returns the user; a refusal carries the server's message, and field messages by field", async () => {
    const auth = new HttpAuth(server.url);
    expect(await auth.logIn(server.session.user.email, PASSWORD)).toEqual(server.session.user);
    const wrong = await rejection(auth.logIn(server.session.user.email, 'not the password'));
    expect(wrong).toMatchObject({ status: 401, code: 'invalid_credentials', message: 'Wrong email or password.', fields: {} });
    const weak = await rejection(auth.signUp('new@example.com', 'password1'));
    expect(weak).toMatchObject({ status: 400, fields: { password: expect.stringMatching(/most common/) } });
  });

  it('forgotPassword answers with the server’s neutral message; resetPassword refuses a bad token', async () => {
    const auth = new HttpAuth(server.url);
    expect(await auth.forgotPassword('nobody@example.com')).toMatch(/If this email has an account/);
    expect(await rejection(auth.resetPassword('bad-token', 'a fine new passphrase'))).toMatchObject({ code: 'invalid_token' });
  });
});
