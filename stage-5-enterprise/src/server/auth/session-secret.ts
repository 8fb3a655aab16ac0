import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** HS256 needs a key at least as long as its 256-bit hash. */
const MIN_SECRET_BYTES = 32;
export const SECRET_FILE = 'session-secret';

/**
 * The key that signs session tokens. Never a constant in the code: whoever reads the code could
 * then sign a token for any user. It comes from JWT_SECRET, else it is generated once into the
 * data folder (readable by this user only) so sessions survive restarts.
 */
export function loadSessionSecret(dataDir: string, fromEnv: string | undefined): Uint8Array {
  if (fromEnv !== undefined && fromEnv !== '') {
    const secret = new TextEncoder().encode(fromEnv);
    if (secret.byteLength < MIN_SECRET_BYTES) {
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes; try: openssl rand -base64 48`);
    }
    return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SECRET_FILE);
  try {
    // 'wx' fails when the file exists, so two processes starting at once cannot overwrite each other.
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by other users; run: chmod 600 ${file}`);
  }
  const secret = new TextEncoder().encode(readFileSync(file, 'utf8').trim());
  if (secret.byteLength < MIN_SECRET_BYTES) throw new Error(`${file} holds a secret shorter than ${MIN_SECRET_BYTES} bytes.`);
  return secret;
}
