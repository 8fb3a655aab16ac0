import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { spawnServer, tempDataDir } from './helpers';

describe('config', () => {
  it('has defaults: 127.0.0.1, port 3002, the stage data folder, info logs, localhost', () => {
    const config = loadConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.appUrl).toBe('http://localhost:3002');
    expect(config.patternQuota).toBe(10_000);
    expect(config.port).toBe(3002);
    expect(config.dataDir).toBe(fileURLToPath(new URL('../data', import.meta.url)));
    expect(config.logLevel).toBe('info');
  });

  it('reads HOST, PORT, DATA_DIR, LOG_LEVEL and APP_URL', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '4000', DATA_DIR: '/tmp/x', LOG_LEVEL: 'warn', APP_URL: 'https://bot.example/', PATTERN_QUOTA: '50' })).toEqual({
      host: '0.0.0.0',
      port: 4000,
      dataDir: '/tmp/x',
      logLevel: 'warn',
      appUrl: 'https://bot.example',
      patternQuota: 50,
    });
  });

  it('refuses a bad value and names the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('the server stops at once with that message instead of starting', async () => {
    const dataDir = tempDataDir();
    await expect(spawnServer(dataDir, { PORT: 'eighty' })).rejects.toThrow(/exited \(1\)[\s\S]*Invalid configuration[\s\S]*PORT/);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
