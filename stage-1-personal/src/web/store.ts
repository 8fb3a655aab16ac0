import {
  LIMITS,
  PatternEngine,
  createExport,
  parseExport,
  type ExportFile,
  type Pattern,
  type PatternInput,
  type Reply,
} from '@journey/llm-core';
import { StoreError, hasErrors, validatePattern, type PatternStore, type Taught } from '@journey/ui';
import { EXAMPLE_PATTERNS } from './examples';

export const STORAGE_KEY = 'journey.patterns';
const SAVED_VERSION = 1;
const FALLBACK = "I don't know that one yet. Teach me with the form!";

/** What we keep under STORAGE_KEY: versioned, so a later app can still read it. */
interface SavedData {
  version: typeof SAVED_VERSION;
  patterns: Pattern[];
}

/**
 * Stage 1's PatternStore: the patterns live in this browser's localStorage and the engine runs
 * in the page. Every change writes the whole list in one setItem, and memory changes only after
 * that write succeeded, so a full storage never leaves half a change behind.
 */
export class LocalPatternStore implements PatternStore {
  private patterns: Pattern[] = [];
  private engine = new PatternEngine([], { fallback: FALLBACK });
  /** Why the saved data could not be read, or null when all is well. */
  problem: string | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly key = STORAGE_KEY,
  ) {
    this.reload();
  }

  async list(): Promise<Pattern[]> {
    this.assertReadable();
    return [...this.patterns];
  }

  /** Saves a new pattern; `overlaps` names the patterns that already answered some of its messages. */
  async add(input: PatternInput): Promise<Taught> {
    const pattern = { id: crypto.randomUUID(), ...checked(input), updatedAt: now() };
    const overlaps = this.engine.overlaps(pattern.trigger);
    this.commit([...this.patterns, pattern]);
    this.engine.add(pattern);
    return { pattern, overlaps };
  }

  async update(id: string, changes: Partial<PatternInput>): Promise<Taught> {
    const current = this.find(id);
    const merged = { trigger: changes.trigger ?? current.trigger, response: changes.response ?? current.response };
    const updated = { id, ...checked(merged), updatedAt: now() };
    const overlaps = this.engine.overlaps(updated.trigger, id);
    this.commit(this.patterns.map((p) => (p.id === id ? updated : p)));
    this.engine.add(updated); // replaces the old version (same id)
    return { pattern: updated, overlaps };
  }

  async remove(id: string): Promise<void> {
    this.find(id);
    this.commit(this.patterns.filter((p) => p.id !== id));
    this.engine.remove(id);
  }

  async chat(message: string): Promise<Reply> {
    this.assertReadable();
    if (message.length > LIMITS.message) {
      throw new StoreError(`Keep messages to ${LIMITS.message} characters.`, 'invalid');
    }
    return this.engine.reply(message);
  }

  /** All patterns as the portable, versioned file (the one stage 2 imports). */
  async exportFile(): Promise<ExportFile> {
    return createExport(await this.list());
  }

  /**
   * Adds the patterns of an export file, skipping ones already here. A file that is not valid
   * as a whole changes nothing. Returns how many patterns were added.
   */
  async importFile(text: string): Promise<number> {
    const parsed = parseExport(text);
    if (!parsed.ok) throw new StoreError(`This file can't be imported: ${parsed.reason}`, 'invalid_file');
    const known = new Set(this.patterns.map(signature));
    const added: Pattern[] = [];
    for (const [index, input] of parsed.file.patterns.entries()) {
      const errors = validatePattern(input);
      if (hasErrors(errors)) {
        const reason = Object.values(errors).join(' ');
        throw new StoreError(`This file can't be imported: pattern ${index + 1} is invalid. ${reason}`, 'invalid_file');
      }
      const pattern = { id: crypto.randomUUID(), ...trimmed(input), updatedAt: now() };
      if (known.has(signature(pattern))) continue;
      known.add(signature(pattern));
      added.push(pattern);
    }
    this.commit([...this.patterns, ...added]);
    added.forEach((p) => this.engine.add(p));
    return added.length;
  }

  /** The saved text exactly as stored, so a person can keep it before a reset. */
  rawData(): string {
    return this.storage.getItem(this.key) ?? '';
  }

  /** Replaces whatever is stored with the example patterns: the way out of unreadable data. */
  async reset(): Promise<void> {
    this.problem = null;
    this.useExamples();
  }

  /** Reads the saved patterns again, e.g. after another tab changed them. */
  reload(): void {
    this.problem = null;
    this.patterns = [];
    this.engine = new PatternEngine([], { fallback: FALLBACK });
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      this.problem = 'This browser does not allow this page to use its storage.';
      return;
    }
    if (raw === null) return this.useExamples(); // first run (or the data was cleared)
    const saved = readSaved(raw);
    if (typeof saved === 'string') {
      this.problem = saved;
      return;
    }
    this.patterns = saved.patterns;
    this.engine = new PatternEngine(this.patterns, { fallback: FALLBACK });
  }

  private useExamples() {
    const examples = EXAMPLE_PATTERNS.map((input) => ({ id: crypto.randomUUID(), ...input, updatedAt: now() }));
    try {
      this.commit(examples);
    } catch {
      this.patterns = examples; // storage refuses even this: the examples still work for this visit
    }
    this.engine = new PatternEngine(this.patterns, { fallback: FALLBACK });
  }

  /** Writes the whole new list in one go; memory follows only if the write succeeded. */
  private commit(next: Pattern[]) {
    this.assertReadable();
    const data: SavedData = { version: SAVED_VERSION, patterns: next };
    try {
      this.storage.setItem(this.key, JSON.stringify(data));
    } catch (error) {
      if (isQuotaExceeded(error)) {
        throw new StoreError(
          "This browser's storage for this page is full, so nothing was saved. Delete some patterns (or export them) and try again.",
          'storage_full',
          { cause: error },
        );
      }
      throw new StoreError('This browser refused to save your patterns.', 'storage_failed', { cause: error });
    }
    this.patterns = next;
  }

  private find(id: string): Pattern {
    this.assertReadable();
    const pattern = this.patterns.find((p) => p.id === id);
    if (!pattern) throw new StoreError('That pattern no longer exists.', 'not_found');
    return pattern;
  }

  /** Never write over data we could not read: the person decides (download, then reset). */
  private assertReadable() {
    if (this.problem) throw new StoreError('Your saved patterns could not be read.', 'unreadable');
  }
}

/** The stored text as patterns, or why it cannot be used. */
function readSaved(raw: string): SavedData | string {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return 'The saved data is not valid JSON.';
  }
  if (typeof data !== 'object' || data === null || !('version' in data) || !('patterns' in data)) {
    return 'The saved data is not a list of patterns.';
  }
  if (data.version !== SAVED_VERSION) return `The saved data has version ${String(data.version)}; this app reads version ${SAVED_VERSION}.`;
  if (!Array.isArray(data.patterns) || !data.patterns.every(isPattern)) {
    return 'Some saved patterns are incomplete.';
  }
  return { version: SAVED_VERSION, patterns: data.patterns };
}

function isPattern(value: unknown): value is Pattern {
  if (typeof value !== 'object' || value === null) return false;
  const { id, trigger, response, updatedAt } = value as Record<string, unknown>;
  const fields = typeof id === 'string' && typeof trigger === 'string' && typeof response === 'string';
  return fields && (updatedAt === undefined || typeof updatedAt === 'string'); // saved before it had times: still fine
}

/** When a pattern is taught or changed: between two equally good matches, the engine lets the newer one answer. */
const now = () => new Date().toISOString();

function isQuotaExceeded(error: unknown): boolean {
  // Chromium and WebKit say QuotaExceededError; older Firefox NS_ERROR_DOM_QUOTA_REACHED.
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** Validated and trimmed input; the first problem becomes the error a person sees. */
function checked(input: PatternInput): PatternInput {
  const errors = validatePattern(input);
  if (hasErrors(errors)) throw new StoreError(Object.values(errors).join(' '), 'invalid');
  return trimmed(input);
}

function trimmed({ trigger, response }: PatternInput): PatternInput {
  return { trigger: trigger.trim(), response: response.trim() };
}

const signature = (p: PatternInput) => `${p.trigger.toLowerCase()}\u0000${p.response}`;
