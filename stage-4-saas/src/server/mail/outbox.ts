import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface StoredMail extends Mail {
  id: string;
  sentAt: string;
}

/** Anything that delivers mail. A real service plugs in SMTP or a mail API here. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * The development mailer: every mail becomes a JSON file in DATA_DIR/outbox, and nothing leaves
 * the machine. Password resets use it here; stage 4's invitations reuse it.
 */
export class FileOutbox implements Mailer {
  private sequence = 0;

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  async send(mail: Mail): Promise<void> {
    const sentAt = new Date().toISOString();
    // A name that sorts by time, then by order within one millisecond; the random part keeps two
    // processes from choosing the same name.
    const sequence = String(this.sequence++).padStart(6, '0');
    const id = `${sentAt.replace(/[:.]/g, '-')}-${sequence}-${randomUUID().slice(0, 8)}`;
    const stored: StoredMail = { id, sentAt, ...mail };
    // Written under another name, then renamed (atomic): a reader never sees half a mail.
    const file = join(this.dir, `${id}.json`);
    writeFileSync(`${file}.partial`, JSON.stringify(stored, null, 2), { mode: 0o600 });
    renameSync(`${file}.partial`, file);
  }

  /** Newest first. */
  list(): StoredMail[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse()
      .map((name) => JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as StoredMail);
  }
}
