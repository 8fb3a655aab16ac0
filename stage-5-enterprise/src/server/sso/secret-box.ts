import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const KEY_BYTES = 32; // AES-256
const IV_BYTES = 12; // GCM's standard nonce size: never reused, since each one is random
const VERSION = 'v1';
export const SSO_KEY_FILE = 'sso-encryption-key';

/**
 * Encrypts what must be read back (an identity provider's client secret) with AES-256-GCM. GCM
 * also authenticates: a stored value changed by hand fails to decrypt instead of yielding garbage.
 * Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url), so a later key or algorithm can sit beside it.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.byteLength !== KEY_BYTES) throw new Error(`SSO_ENCRYPTION_KEY must be ${KEY_BYTES} bytes (base64); try: openssl rand -base64 32`);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/**
 * The key that encrypts SSO client secrets: SSO_ENCRYPTION_KEY (32 bytes, base64). Outside
 * production, like the session secret, one is generated once into the data folder (mode 600).
 * In production it must come from the environment (a key beside the database it protects would
 * leak with it): without one, undefined, and saving an SSO configuration is refused.
 */
export function loadSsoKey(dataDir: string, fromEnv: string | undefined, production: boolean): Buffer | undefined {
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.byteLength !== KEY_BYTES) throw new Error(`SSO_ENCRYPTION_KEY must be ${KEY_BYTES} bytes in base64; try: openssl rand -base64 32`);
    return key;
  }
  if (production) return undefined;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, SSO_KEY_FILE);
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' }); // 'wx': never overwrite
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}
