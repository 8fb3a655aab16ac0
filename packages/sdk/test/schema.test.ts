import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, expectTypeOf, it } from 'vitest';
import type { AnswerOf, Organization, Pattern, PatternList, Ping, Reply, Usage } from '../src/types';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const DOCUMENT = join(PACKAGE_DIR, '../../stage-5-enterprise/openapi.json');

it("src/schema.d.ts is what `pnpm generate` makes from stage 5's openapi.json now (else: run it and commit)", async () => {
  const out = mkdtempSync(join(tmpdir(), 'journey-sdk-schema-'));
  try {
    const cli = join(PACKAGE_DIR, 'node_modules/.bin/openapi-typescript');
    await promisify(execFile)(cli, [DOCUMENT, '-o', join(out, 'schema.d.ts')], { cwd: PACKAGE_DIR });
    const fresh = readFileSync(join(out, 'schema.d.ts'), 'utf8');
    expect(readFileSync(join(PACKAGE_DIR, 'src/schema.d.ts'), 'utf8'), 'src/schema.d.ts is stale: run `pnpm --filter @journey/sdk generate`').toBe(fresh);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it("the client's types are the document's: none of them fell to never or any (checked by tsc)", () => {
  expectTypeOf<Ping>().toEqualTypeOf<{ ok: true; organization: Organization }>();
  expectTypeOf<PatternList>().toEqualTypeOf<{ patterns: Pattern[]; nextCursor: string | null }>();
  expectTypeOf<AnswerOf<'chat', 200>>().toEqualTypeOf<{ reply: Reply }>();
  expectTypeOf<AnswerOf<'createPattern', 201>>().toEqualTypeOf<{ pattern: Pattern }>();
  expectTypeOf<Pattern['createdBy']>().toEqualTypeOf<{ id: string; email: string } | null>();
  expectTypeOf<Usage['limits']['patterns']>().toEqualTypeOf<number | null>();
});
