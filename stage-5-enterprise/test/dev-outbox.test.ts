import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(() => server?.close());

describe('GET /dev/outbox', () => {
  it('lists the mails, escaped, with their links clickable', async () => {
    server = await startTestServer();
    await server.outbox.send({ to: '<b>x</b>@example.com', subject: 'Hi <script>alert(1)</script>', text: 'Go to http://localhost:3005/#reset=abc now' });
    await server.anonymous.api('POST', '/api/auth/forgot-password', { email: server.session.user.email });
    await expect.poll(() => server!.outbox.list().length).toBe(2); // the reset mail is written after the answer
    const res = await fetch(`${server.url}/dev/outbox`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('Reset your password');
    expect(page).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;b&gt;x&lt;/b&gt;@example.com');
    expect(page).toContain('<a href="http://localhost:3005/#reset=abc">');
  });

  it('does not exist in production', async () => {
    server = await startTestServer({ production: true });
    const res = await fetch(`${server.url}/dev/outbox`);
    expect(res.status).toBe(404);
  });
});
