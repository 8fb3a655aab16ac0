import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startTestServer, type TestServer } from './helpers';

/**
 * The README's curl example, run as written: the shell block between `<!-- curl-example -->` and
 * `<!-- /curl-example -->` goes to a real bash and a real curl, with only the two variables the
 * README tells the reader to set: the server's address and a key made just now through the API,
 * as the API keys tab makes it. If the README's commands drift from the API, this fails.
 */
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function curlExample(): string {
  const marked = /<!-- curl-example -->\s*```sh\n([\s\S]*?)```\s*<!-- \/curl-example -->/.exec(README);
  if (!marked) throw new Error('README.md has no ```sh block between <!-- curl-example --> and <!-- /curl-example -->');
  return marked[1]!;
}

describe.each(ENGINES)("the README's curl example on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine });
  });
  afterAll(() => server?.close());

  it('teaches, then chats, with a new key and no cookie; the chat answers what was taught', async () => {
    const block = curlExample();
    expect(block).toContain('$JOURNEY_KEY');
    expect(block).not.toMatch(/cookie/i);

    const orgId: string = (await server.api('GET', '/api/orgs')).json.activeOrgId;
    const made = await server.api('POST', `/api/orgs/${orgId}/api-keys`, { name: 'README example' });
    expect(made.status).toBe(201);

    // -e: a failing curl (--fail-with-body: any 4xx or 5xx) stops the block and fails the test.
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', block], {
      env: { PATH: process.env.PATH, JOURNEY_URL: server.url, JOURNEY_KEY: made.json.key },
    });
    // Each curl prints one JSON answer: the taught pattern, then the chat's reply.
    const [taught, chat] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(taught.pattern).toMatchObject({ trigger: 'what is the deploy status', createdBy: { email: server.session.user.email } });
    expect(chat.reply).toMatchObject({ text: 'All green, shipped at noon.', patternId: taught.pattern.id });

    // It was the key's organization that learned it: the page's own list shows the pattern.
    const listed = (await server.api('GET', '/api/patterns')).json.patterns.map((p: { trigger: string }) => p.trigger);
    expect(listed).toContain('what is the deploy status');
  });
});
