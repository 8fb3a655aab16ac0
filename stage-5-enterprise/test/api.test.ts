import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExport } from '@journey/llm-core';
import { EXAMPLE_PATTERNS, STAGE_1_EXAMPLES } from '../src/server/examples';
import { PASSWORD, clientFor, onPlan, sessionCookieOf, startTestServer, tempDataDir, type TestServer } from './helpers';

let server: Omit<TestServer, "restart"> & Partial<Pick<TestServer, "restart">>;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const listIds = async () => (await server.api('GET', '/api/patterns')).json.patterns.map((p: { id: string }) => p.id);

describe('the HTTP API', () => {
  it('a new account starts with the example patterns, so the first chat already works', async () => {
    const { patterns } = (await server.api('GET', '/api/patterns')).json;
    expect(patterns.map((p: { trigger: string }) => p.trigger)).toContain('my name is {name}');
    expect((await server.api('POST', '/api/chat', { message: 'where do you live' })).json.reply.text).toMatch(/PostgreSQL/);
    expect((await server.api('POST', '/api/chat', { message: 'My name is Ada' })).json.reply).toMatchObject({
      text: 'Nice to meet you, Ada!',
      captures: { name: 'Ada' },
    });
  });

  it('the examples come once, with the account: deleted, they stay deleted after a new login and a restart', async () => {
    for (const id of await listIds()) await server.api('DELETE', `/api/patterns/${id}`);
    const login = await server.anonymous.api('POST', '/api/auth/login', { email: server.session.user.email, password: PASSWORD });
    const session = { user: login.json.user, cookie: sessionCookieOf(login.headers) };
    expect((await clientFor(server.url, session).api('GET', '/api/patterns')).json).toEqual({ patterns: [], nextCursor: null });
    server = await server.restart!();
    expect((await clientFor(server.url, session).api('GET', '/api/patterns')).json).toEqual({ patterns: [], nextCursor: null });
  });

  it('GET /api/health answers ok', async () => {
    const res = await server.api('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });

  it('POST /api/patterns teaches a pattern that GET /api/patterns then lists', async () => {
    const taught = await server.api('POST', '/api/patterns', { trigger: '  hello there ', response: 'General Kenobi!' });
    expect(taught.status).toBe(201);
    expect(taught.json.pattern).toMatchObject({ trigger: 'hello there', response: 'General Kenobi!' });
    expect(taught.json.pattern.id).toEqual(expect.any(String));

    const list = await server.api('GET', '/api/patterns');
    expect(list.status).toBe(200);
    expect(list.json.patterns[0]).toEqual(taught.json.pattern); // newest first
  });

  it('the first claim: a taught `hello` answers instead of the example greeting, and the 201 names the overlap', async () => {
    const taught = await server.api('POST', '/api/patterns', { trigger: 'hello', response: 'hi there' });
    expect(taught.json.overlaps).toEqual([{ id: expect.any(String), trigger: '(hi|hello|hey) [there]', takesOver: true }]);
    expect((await server.api('POST', '/api/chat', { message: 'hello' })).json.reply.text).toBe('hi there');
    const edited = await server.api('PUT', `/api/patterns/${taught.json.pattern.id}`, { trigger: 'good morning' });
    expect(edited.json.overlaps).toEqual([]);
  });

  it('POST /api/chat answers with a taught response, and the fallback otherwise', async () => {
    const { json } = await server.api('POST', '/api/patterns', { trigger: 'ping', response: 'pong' });
    const hit = await server.api('POST', '/api/chat', { message: 'Ping!' });
    expect(hit.status).toBe(200);
    expect(hit.json.reply).toMatchObject({ text: 'pong', patternId: json.pattern.id });

    const miss = await server.api('POST', '/api/chat', { message: 'zxqv wibble' });
    expect(miss.json.reply).toEqual({ text: "I don't know that one yet. Teach me with the form!", patternId: null, confidence: 0, captures: {} });
  });

  it('PUT /api/patterns/:id changes one field or both, and chat follows at once', async () => {
    const { json } = await server.api('POST', '/api/patterns', { trigger: 'old words', response: 'first' });
    const id = json.pattern.id;

    const renamed = await server.api('PUT', `/api/patterns/${id}`, { trigger: 'new words' });
    expect(renamed.status).toBe(200);
    expect(renamed.json.pattern).toMatchObject({ id, trigger: 'new words', response: 'first' });
    expect((await server.api('POST', '/api/chat', { message: 'new words' })).json.reply.text).toBe('first');
    expect((await server.api('POST', '/api/chat', { message: 'old words' })).json.reply.patternId).toBeNull();

    const both = await server.api('PUT', `/api/patterns/${id}`, { trigger: 'newer words', response: 'second' });
    expect(both.json.pattern).toMatchObject({ id, trigger: 'newer words', response: 'second' });
    expect((await server.api('POST', '/api/chat', { message: 'newer words' })).json.reply.text).toBe('second');
    expect((await server.api('GET', '/api/patterns')).json.patterns).toContainEqual(both.json.pattern);
  });

  it('DELETE /api/patterns/:id removes the pattern from the list and from chat', async () => {
    const { json } = await server.api('POST', '/api/patterns', { trigger: 'forget me', response: 'never' });
    const res = await server.api('DELETE', `/api/patterns/${json.pattern.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await listIds()).not.toContain(json.pattern.id);
    expect((await server.api('POST', '/api/chat', { message: 'forget me' })).json.reply.patternId).toBeNull();
  });

  it('POST /api/import stores every pattern of a stage-1 export file, ready for chat', async () => {
    const before = (await listIds()).length;
    const file = createExport([
      { trigger: 'first imported', response: 'one' },
      { trigger: 'second imported', response: 'two' },
    ]);
    const res = await server.api('POST', '/api/import', file);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ imported: 2 });
    expect((await listIds()).length).toBe(before + 2);
    expect((await server.api('POST', '/api/chat', { message: 'second imported' })).json.reply.text).toBe('two');
  });

  it('POST /api/import skips patterns that are already here, as stage 1 does', async () => {
    const file = createExport([
      { trigger: 'Twice', response: 'once is enough' },
      { trigger: 'twice', response: 'once is enough' },
    ]);
    expect((await server.api('POST', '/api/import', file)).json).toEqual({ imported: 1 });
    expect((await server.api('POST', '/api/import', file)).json).toEqual({ imported: 0 });
  });

  it("POST /api/import leaves stage 1's examples behind (this stage has its own), but not one the user edited", async () => {
    // A real stage-1 export: the examples every browser started with, one of them edited, and what was taught.
    const edited = { trigger: 'tell me a joke', response: 'Why did the pattern cross the road?' };
    const unedited = STAGE_1_EXAMPLES.filter((example) => example.trigger !== edited.trigger);
    const file = createExport([...unedited, edited, { trigger: 'opening hours', response: 'nine to five' }]);
    expect((await server.api('POST', '/api/import', file)).json).toEqual({ imported: 2 });
    const { patterns } = (await server.api('GET', '/api/patterns')).json as { patterns: { trigger: string; response: string }[] };
    const answers = (trigger: string) => patterns.filter((p) => p.trigger === trigger).map((p) => p.response);
    expect(answers('where do you live')).toEqual([EXAMPLE_PATTERNS[3]!.response]); // this stage's, once
    expect(answers('tell me a joke').sort()).toEqual([EXAMPLE_PATTERNS[4]!.response, edited.response].sort());
    const reply = (await server.api('POST', '/api/chat', { message: 'where do you live?' })).json.reply.text;
    expect(reply).toBe(EXAMPLE_PATTERNS[3]!.response);
  });

  it('POST /api/import takes a file larger than an ordinary request may be', async () => {
    const patterns = Array.from({ length: 300 }, (_, i) => ({ trigger: `imported ${i}`, response: 'r'.repeat(900) }));
    await onPlan(server.url, server.session, 'pro'); // more than the free plan's 10 patterns
    const res = await server.api('POST', '/api/import', createExport(patterns));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ imported: 300 });
  });

  it('loads what is in the database when an app starts on it (the engine is built once, at start)', async () => {
    await server.api('POST', '/api/patterns', { trigger: 'remember me', response: 'I do' });
    const { session } = server;
    server = await server.restart!();
    expect((await clientFor(server.url, session).api('POST', '/api/chat', { message: 'remember me' })).json.reply.text).toBe('I do');
  });

  it('sends security headers and no X-Powered-By', async () => {
    const res = await server.api('GET', '/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('the page', () => {
  let webRoot: string;
  let withPage: TestServer;
  beforeEach(async () => {
    webRoot = tempDataDir(); // any empty folder will do
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>stage 3</title>');
    withPage = await startTestServer({ webRoot });
  });
  afterEach(async () => {
    await withPage.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('is served from the same port as the API', async () => {
    const res = await fetch(`${withPage.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>stage 3</title>');
    expect((await withPage.api('GET', '/api/health')).status).toBe(200);
  });

  it('opens the page at /invite, where invitation links point', async () => {
    const res = await fetch(`${withPage.url}/invite`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>stage 3</title>');
  });
});
