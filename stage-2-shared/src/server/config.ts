import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';
import { STAGE } from '../shared/stage';
import { DEFAULT_PATTERN_QUOTA } from './quota';

/** Where the database lives unless DATA_DIR says otherwise: stage-2-shared/data, whatever the cwd. */
const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

const PORT_RULE = 'must be a whole number from 0 to 65535 (0 picks a free port)';

const EnvSchema = z.object({
  // Loopback unless told otherwise: a LAN must be let in on purpose (see the README).
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ error: PORT_RULE }).int(PORT_RULE).min(0, PORT_RULE).max(65_535, PORT_RULE).default(STAGE.port),
  DATA_DIR: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULT_DATA_DIR)
    .transform((dir) => resolve(dir)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Patterns the database may hold (see quota.ts).
  PATTERN_QUOTA: z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).default(DEFAULT_PATTERN_QUOTA),
  // The address people open; with the loopback names, the only host the server answers. Unset: http://localhost:PORT.
  APP_URL: z
    .url({ protocol: /^https?$/, error: 'APP_URL must be an http(s) address.' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
});

export interface Config {
  /** The address to listen on: 127.0.0.1 unless HOST says otherwise. */
  host: string;
  port: number;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  appUrl: string;
  /** Patterns in the database. */
  patternQuota: number;
}

/**
 * Reads the environment once, at start. A typo in PORT should stop the server with a message that
 * names the variable, not surface later as a confusing listen error.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PORT=`) means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const { HOST, PORT, DATA_DIR, LOG_LEVEL, APP_URL, PATTERN_QUOTA } = parsed.data;
  return {
    host: HOST,
    port: PORT,
    dataDir: DATA_DIR,
    logLevel: LOG_LEVEL,
    appUrl: APP_URL ?? `http://localhost:${PORT}`,
    patternQuota: PATTERN_QUOTA,
  };
}
