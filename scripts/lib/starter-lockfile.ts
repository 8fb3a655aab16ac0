/**
 * A lock file for the exported project, cut from the journey's own (pnpm lock file format 9):
 * the importers of the copied folders (renamed where they moved), an empty root importer, and only
 * the packages those importers reach. The project then installs the exact versions the journey was
 * tested with, without asking the registry. Returns null for a layout this does not understand;
 * the project then resolves its versions on its first install.
 */
export function starterLockfile(repoLockfile: string, importers: Map<string, string>): string | null {
  if (!repoLockfile.startsWith("lockfileVersion: '9.0'\n")) return null;
  const sections = topLevelSections(repoLockfile);
  const repoImporters = sections.get('importers');
  if (!repoImporters) return null;

  const kept = new Map<string, string | null>([['.', null]]);
  for (const [from, to] of importers) {
    const body = repoImporters.get(from);
    if (body === undefined) return null; // a copied folder the lock file does not know
    kept.set(to, body);
  }

  // Follow dependencies from the kept importers through the snapshots.
  const snapshots = sections.get('snapshots') ?? new Map<string, string>();
  const reached = new Set<string>();
  const queue = [...kept.values()].flatMap((body) => (body ? importerDependencies(body) : []));
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (reached.has(key)) continue;
    const body = snapshots.get(key);
    if (body === undefined) return null;
    reached.add(key);
    queue.push(...snapshotDependencies(body));
  }
  const packageKeys = new Set([...reached].map((key) => key.replace(/\(.*$/, '')));

  const parts = [`lockfileVersion: '9.0'`, renderSection('settings', sections.get('settings'), false)];
  parts.push(renderSection('importers', kept, true));
  parts.push(renderSection('packages', filter(sections.get('packages'), (key) => packageKeys.has(key)), true));
  parts.push(renderSection('snapshots', filter(sections.get('snapshots'), (key) => reached.has(key)), true));
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}

/** Top-level sections → their entries (two-space keys, unquoted) → each entry's indented body. */
function topLevelSections(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let entries: Map<string, string> | null = null;
  let key: string | null = null;
  for (const line of text.split('\n')) {
    const top = /^(\w+):\s*$/.exec(line);
    const entry = /^ {2}(\S.*?):(?: (\{\}))?$/.exec(line);
    if (top) {
      entries = new Map();
      sections.set(top[1]!, entries);
      key = null;
    } else if (entries && entry) {
      key = unquote(entry[1]!);
      entries.set(key, '');
    } else if (entries && key !== null && line.startsWith('    ')) {
      entries.set(key, entries.get(key) ? `${entries.get(key)}\n${line}` : line);
    } else if (entries && line.startsWith('  ') && !entry) {
      // a setting such as "  autoInstallPeers: true"
      entries.set(line.trim(), '');
    }
  }
  return sections;
}

function renderSection(name: string, entries: Map<string, string | null> | undefined, spaced: boolean): string {
  if (!entries || entries.size === 0) return '';
  const keys = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!spaced) return `${name}:\n${keys.map((key) => `  ${key}`).join('\n')}`;
  const blocks = keys.map((key) => {
    const body = entries.get(key);
    return body ? `  ${quote(key)}:\n${body}` : `  ${quote(key)}: {}`;
  });
  return `${name}:\n\n${blocks.join('\n\n')}`;
}

function filter(entries: Map<string, string> | undefined, keep: (key: string) => boolean): Map<string, string> {
  return new Map([...(entries ?? [])].filter(([key]) => keep(key)));
}

/** `name@version` of each registry dependency of an importer (workspace links are not packages). */
function importerDependencies(body: string): string[] {
  const keys: string[] = [];
  let name: string | null = null;
  for (const line of body.split('\n')) {
    const dep = /^ {6}(\S.*):$/.exec(line);
    const version = /^ {8}version: (\S+)$/.exec(line);
    if (dep) name = unquote(dep[1]!);
    else if (version && name && !version[1]!.startsWith('link:')) keys.push(`${name}@${version[1]}`);
  }
  return keys;
}

/** `name@version` of each dependency and optional dependency of a snapshot. */
function snapshotDependencies(body: string): string[] {
  const keys: string[] = [];
  let following = false;
  for (const line of body.split('\n')) {
    if (/^ {4}\S/.test(line)) following = /^ {4}(dependencies|optionalDependencies):$/.test(line);
    const dep = /^ {6}(\S+?): (\S+)$/.exec(line);
    if (following && dep) keys.push(`${unquote(dep[1]!)}@${unquote(dep[2]!)}`);
  }
  return keys;
}

function unquote(text: string): string {
  return /^'.*'$/.test(text) ? text.slice(1, -1).replace(/''/g, "'") : text;
}

/** pnpm quotes keys that YAML would otherwise misread, e.g. the ones starting with "@". */
function quote(key: string): string {
  return /^[@'.!&*%|>?{[\]-]|[:#]\s|\s$/.test(key) && key !== '.' ? `'${key.replace(/'/g, "''")}'` : key;
}
