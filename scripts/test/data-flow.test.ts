import { describe, expect, it } from 'vitest';
import { byDataFlow, layerOf } from '../lib/data-flow';

describe('layerOf', () => {
  it.each([
    ['src/server/migrations/002-users.sql', 'database'],
    ['src/server/db.ts', 'database'],
    ['src/server/db/pglite.ts', 'database'],
    ['src/server/migrate.ts', 'database'],
    ['src/server/users-repo.ts', 'repository'],
    ['src/server/patterns-service.ts', 'service'],
    ['src/server/auth/sessions.ts', 'service'],
    ['src/server/routes/auth.ts', 'routes'],
    ['src/server/app.ts', 'routes'],
    ['src/web/journey-app.ts', 'page'],
    ['index.html', 'page'],
    ['package.json', 'tooling'],
    ['scripts/migrate-from-stage-2.ts', 'tooling'],
    ['test/isolation.test.ts', 'tests'],
    ['e2e/page-actions.ts', 'tests'],
    ['README.md', 'docs'],
  ])('%s is %s', (path, layer) => {
    expect(layerOf(path)).toBe(layer);
  });

  it('puts the schema first', () => {
    expect(['src/server/db.ts', 'src/server/migrations/001-patterns.sql'].sort(byDataFlow)).toEqual([
      'src/server/migrations/001-patterns.sql',
      'src/server/db.ts',
    ]);
  });

  it('sorts by layer first, then by path', () => {
    const sorted = ['test/a.test.ts', 'src/web/b.ts', 'src/server/z-repo.ts', 'src/server/a-service.ts'].sort(byDataFlow);
    expect(sorted).toEqual(['src/server/z-repo.ts', 'src/server/a-service.ts', 'src/web/b.ts', 'test/a.test.ts']);
  });
});
