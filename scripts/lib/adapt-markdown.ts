import { posix } from 'node:path';

// A copied stage README keeps its words; only what would be wrong in the new project changes.

/**
 * Rewrites relative markdown links whose target is not part of the new project into plain text
 * naming the file in the journey repository, so a copied README has no dead links.
 * `exists` answers for project-relative paths; `repoPathOf` maps one back to the journey repository.
 */
export function unlinkMissingTargets(
  markdown: string,
  fileInProject: string,
  exists: (projectPath: string) => boolean,
  repoPathOf: (projectPath: string) => string,
): string {
  // [text](target) and ![alt](target); the target has no spaces or parentheses in our docs.
  return markdown.replace(/(!?)\[([^\]\n]*)\]\(([^)\s]+)\)/g, (link, bang: string, text: string, target: string) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|#|\/)/i.test(target)) return link; // URL, anchor or absolute path
    const path = target.split('#')[0]!;
    const resolved = posix.normalize(posix.join(posix.dirname(fileInProject), path));
    if (!resolved.startsWith('../') && exists(resolved.replace(/\/$/, ''))) return link;
    const label = bang ? `image ${text}` : text;
    return `${label} (\`${repoPathOf(resolved)}\` in the journey repository)`;
  });
}

/**
 * `pnpm --filter stage-2 start` in the stage README becomes `pnpm --filter <name> start`; the spaces
 * before a trailing `# comment` absorb the change in length, so commented command blocks stay aligned.
 */
export function renameCommands(markdown: string, oldName: string | undefined, name: string): string {
  if (!oldName) return markdown;
  const escaped = oldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const command = new RegExp(`(--filter[ =])${escaped}(?![\\w-])`, 'g');
  const delta = name.length - oldName.length;
  return markdown
    .split('\n')
    .map((line) => {
      const matches = line.match(command)?.length ?? 0;
      if (matches === 0) return line;
      const renamed = line.replace(command, `$1${name}`);
      return renamed.replace(/(\S)( {2,})#/, (_, before: string, spaces: string) => `${before}${' '.repeat(Math.max(2, spaces.length - delta * matches))}#`);
    })
    .join('\n');
}
