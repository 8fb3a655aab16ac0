import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExport } from '@journey/llm-core';
import { ownerQuery, startTestServer, withoutRequestId, type Client, type TestServer } from './helpers';

let server: TestServer;
let ada: Client; // user A
let bob: Client; // user B
let adaPattern: { id: string; trigger: string; response: string };
const listOf = async (user: Client) => (await user.api('GET', '/api/patterns')).json.patterns as { id: string; trigger: string }[];
const idsOf = async (user: Client) => (await listOf(user)).map((p) => p.id);

beforeEach(async () => {
  server = await startTestServer();
  ada = server;
  bob = await server.signUp();
  adaPattern = (await ada.api('POST', '/api/patterns', { trigger: 'what is the vault code', response: '4-8-15-16' })).json.pattern;
});
afterEach(() => server.close());

describe("one user cannot reach another's patterns", () => {
  it('each new account gets its own copy of the examples, with ids of its own', async () => {
    const adas = await listOf(ada);
    const bobs = await listOf(bob);
    expect(bobs.map((p) => p.trigger)).toEqual(adas.map((p) => p.trigger).filter((t) => t !== adaPattern.trigger));
    expect(bobs.map((p) => p.id).filter((id) => adas.some((p) => p.id === id))).toEqual([]);
  });

  it("B's list does not show A's pattern, and A's list does not show B's", async () => {
    const bobs = (await bob.api('POST', '/api/patterns', { trigger: 'bob only', response: 'mine' })).json.pattern;
    expect(await idsOf(bob)).toContain(bobs.id);
    expect(await idsOf(bob)).not.toContain(adaPattern.id);
    expect(await idsOf(ada)).toContain(adaPattern.id);
    expect(await idsOf(ada)).not.toContain(bobs.id);
  });

  it("B changing or deleting A's pattern by id gets the same 404 as for an unknown id, and nothing changes", async () => {
    const before = await listOf(ada);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answers = [];
    for (const id of [adaPattern.id, unknown]) {
      const update = await bob.api('PUT', `/api/patterns/${id}`, { response: 'hijacked' });
      const remove = await bob.api('DELETE', `/api/patterns/${id}`);
      expect(update.status).toBe(404);
      expect(remove.status).toBe(404);
      answers.push([update.json, remove.json].map(withoutRequestId));
    }
    expect(answers[0]).toEqual(answers[1]); // A's pattern and a pattern that never existed look alike
    expect(answers[0]![0].error.code).toBe('not_found');
    expect(await listOf(ada)).toEqual(before); // unchanged, not deleted
    const [row] = await ownerQuery(server.db, 'SELECT trigger, response FROM patterns WHERE id = $1', [adaPattern.id]);
    expect(row).toEqual({ trigger: adaPattern.trigger, response: adaPattern.response });
  });

  it("B's chat never answers with A's pattern, even word for word, and A's still does", async () => {
    for (const message of ['what is the vault code', 'What is the vault code?', 'vault code']) {
      expect((await bob.api('POST', '/api/chat', { message })).json.reply).toMatchObject({ patternId: null, confidence: 0 });
    }
    expect((await ada.api('POST', '/api/chat', { message: 'what is the vault code' })).json.reply.text).toBe('4-8-15-16');
  });

  it("B teaching the same trigger answers B with B's response, and A with A's", async () => {
    await bob.api('POST', '/api/patterns', { trigger: 'what is the vault code', response: 'no idea' });
    expect((await bob.api('POST', '/api/chat', { message: 'what is the vault code' })).json.reply.text).toBe('no idea');
    expect((await ada.api('POST', '/api/chat', { message: 'what is the vault code' })).json.reply.text).toBe('4-8-15-16');
  });

  it("A's changes reach A's chat at once and never B's", async () => {
    await bob.api('POST', '/api/chat', { message: 'warm up bob' }); // B's engine is built and cached
    await ada.api('PUT', `/api/patterns/${adaPattern.id}`, { trigger: 'new vault words' });
    expect((await ada.api('POST', '/api/chat', { message: 'new vault words' })).json.reply.text).toBe('4-8-15-16');
    expect((await bob.api('POST', '/api/chat', { message: 'new vault words' })).json.reply.patternId).toBeNull();
    await ada.api('DELETE', `/api/patterns/${adaPattern.id}`);
    expect((await ada.api('POST', '/api/chat', { message: 'new vault words' })).json.reply.patternId).toBeNull();
  });

  it('an import lands in the importing user’s account only', async () => {
    const before = await listOf(ada);
    const res = await bob.api('POST', '/api/import', createExport([{ trigger: 'imported by bob', response: 'bob file' }]));
    expect(res.json).toEqual({ imported: 1 });
    expect(await listOf(ada)).toEqual(before);
    expect((await ada.api('POST', '/api/chat', { message: 'imported by bob' })).json.reply.patternId).toBeNull();
    expect((await bob.api('POST', '/api/chat', { message: 'imported by bob' })).json.reply.text).toBe('bob file');
  });

  it('a pattern of a third organization is shown to nobody else', async () => {
    const carol = await server.signUp();
    const orphan = (await carol.api('POST', '/api/patterns', { trigger: 'ownerless words', response: 'nobody' })).json.pattern;
    for (const user of [ada, bob]) {
      expect(await idsOf(user)).not.toContain(orphan.id);
      expect((await user.api('POST', '/api/chat', { message: 'ownerless words' })).json.reply.patternId).toBeNull();
      expect((await user.api('DELETE', `/api/patterns/${orphan.id}`)).status).toBe(404);
    }
  });
});
