import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileOutbox } from '../src/server/mail/outbox';

describe('FileOutbox', () => {
  it('writes each mail as a private file and lists the newest first', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'stage3-outbox-')), 'outbox');
    const outbox = new FileOutbox(dir);
    expect(outbox.list()).toEqual([]);
    await outbox.send({ to: 'a@example.com', subject: 'first', text: 'one' });
    await outbox.send({ to: 'b@example.com', subject: 'second', text: 'two' });
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    expect(statSync(join(dir, files[0]!)).mode & 0o777).toBe(0o600);
    expect(outbox.list().map((m) => [m.to, m.subject, m.text])).toEqual([
      ['b@example.com', 'second', 'two'],
      ['a@example.com', 'first', 'one'],
    ]);
  });
});
