import { describe, expect, it } from 'vitest';
import { renameCommands, unlinkMissingTargets } from '../lib/adapt-markdown';

describe('renameCommands', () => {
  it('renames the package in --filter commands and keeps trailing comments aligned', () => {
    const before = [
      'pnpm --filter stage-1 start          # builds, then serves',
      'pnpm --filter stage-1 typecheck test # types',
      'pnpm --filter stage-10 start',
      'pnpm --filter @journey/ui test',
    ].join('\n');
    expect(renameCommands(before, 'stage-1', 'acme-chat-bot')).toBe(
      [
        'pnpm --filter acme-chat-bot start    # builds, then serves',
        'pnpm --filter acme-chat-bot typecheck test # types', // one space: not a column, left alone
        'pnpm --filter stage-10 start',
        'pnpm --filter @journey/ui test',
      ].join('\n'),
    );
  });

  it('widens the gap when the new name is shorter', () => {
    expect(renameCommands('pnpm --filter stage-1 e2e   # browser', 'stage-1', 'me')).toBe('pnpm --filter me e2e        # browser');
  });
});

describe('unlinkMissingTargets', () => {
  const project = new Set(['app/README.md', 'app/src/server/main.ts', 'app/src', 'app/src/server']);
  const rewrite = (markdown: string) =>
    unlinkMissingTargets(markdown, 'app/README.md', (path) => project.has(path), (path) => path.replace(/^app/, 'stage-2-shared'));

  it('keeps links to files the project has, and URLs and anchors', () => {
    const text = '[main](src/server/main.ts) [site](https://lit.dev) [below](#run-it) [dir](src/server/)';
    expect(rewrite(text)).toBe(text);
  });

  it('turns links to journey files that were not copied into text naming them', () => {
    expect(rewrite('Read [the lesson](../docs/stage-1-to-2.md#why).')).toBe(
      'Read the lesson (`docs/stage-1-to-2.md` in the journey repository).',
    );
    expect(rewrite('![shot](docs/shot.png)')).toBe('image shot (`stage-2-shared/docs/shot.png` in the journey repository)');
  });
});
