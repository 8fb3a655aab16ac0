import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { spawnServer, tempDataDir } from './helpers';

describe('config', () => {
  it('has defaults: port 3005, the stage data folder, info logs, development, links to localhost', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3005);
    expect(config.dataDir).toBe(fileURLToPath(new URL('../data', import.meta.url)));
    expect(config.production).toBe(false);
    expect(config.jwtSecret).toBeUndefined();
    expect(config.appUrl).toBe('http://localhost:3005');
    expect(config.logLevel).toBe('info');
    expect(config.patternQuota).toBe(50_000);
  });

  it('reads HOST, PORT, DATA_DIR, LOG_LEVEL, NODE_ENV, JWT_SECRET and APP_URL', () => {
    expect(
      loadConfig({ HOST: '0.0.0.0', PORT: '4000', DATA_DIR: '/tmp/x', LOG_LEVEL: 'warn', NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32), APP_URL: 'https://journey.example/', PATTERN_QUOTA: '50' }),
    ).toEqual({ host: '0.0.0.0', port: 4000, dataDir: '/tmp/x', logLevel: 'warn', production: true, jwtSecret: 's'.repeat(32), appUrl: 'https://journey.example', patternQuota: 50, billingGraceDays: 7, signupsPerAddress: 30, redisPrefix: 'journey:', instances: 1, trustProxy: false, anonymousPerMinute: 300, stripe: undefined, metricsToken: undefined, drainDelayMs: 0, shutdownTimeoutMs: 10_000 });
  });

  it('reads the operations settings: METRICS_TOKEN (16 characters at least), DRAIN_DELAY_MS, SHUTDOWN_TIMEOUT_MS', () => {
    expect(loadConfig({ METRICS_TOKEN: 't'.repeat(16), DRAIN_DELAY_MS: '5000', SHUTDOWN_TIMEOUT_MS: '2000' })).toMatchObject({ metricsToken: 't'.repeat(16), drainDelayMs: 5000, shutdownTimeoutMs: 2000 });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ DRAIN_DELAY_MS: 'soon' })).toThrow(/DRAIN_DELAY_MS/);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });

  it('reads TRUST_PROXY: 1 for a proxy on this machine, uniquelocal or addresses for one elsewhere', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal' }).trustProxy).toBe('uniquelocal');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.2' }).trustProxy).toBe('10.0.0.0/8, 192.168.1.2');
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a bad value and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ APP_URL: 'javascript:alert(1)' })).toThrow(/APP_URL/);
  });

  it('the server stops at once with that message instead of starting', async () => {
    const dataDir = tempDataDir();
    await expect(spawnServer(dataDir, { PORT: 'eighty' })).rejects.toThrow(/exited \(1\)[\s\S]*Invalid configuration[\s\S]*PORT/);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('in production, APP_URL is required: the server does not start without it', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/APP_URL: required when NODE_ENV=production/);
    const dataDir = tempDataDir();
    await expect(spawnServer(dataDir, { NODE_ENV: 'production', APP_URL: '' })).rejects.toThrow(/exited \(1\)[\s\S]*APP_URL: required/);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the server refuses a JWT_SECRET too short to be safe', async () => {
    const dataDir = tempDataDir();
    await expect(spawnServer(dataDir, { JWT_SECRET: 'short' })).rejects.toThrow(/exited \(1\)[\s\S]*JWT_SECRET must be at least 32 bytes/);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
