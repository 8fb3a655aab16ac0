import type { PatternInput } from './types';

/**
 * The portable patterns file: what stage 1 exports and stage 2+ imports. Versioned, so a later
 * format can still read this one. Parsing never throws on odd input: it returns a reason instead.
 */
export const EXPORT_FORMAT = 'llm-journey-patterns';
const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  patterns: PatternInput[];
}

type ParsedExport = { ok: true; file: ExportFile } | { ok: false; reason: string };

export function createExport(patterns: readonly PatternInput[], now = new Date()): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    patterns: patterns.map(({ trigger, response }) => ({ trigger, response })),
  };
}

/** Checks a parsed JSON value (or raw text) against the format, field by field. */
export function parseExport(input: unknown): ParsedExport {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, reason: 'The file is not valid JSON.' };
    }
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) {
    return { ok: false, reason: `This is not a patterns file (expected format "${EXPORT_FORMAT}").` };
  }
  if (data.version !== EXPORT_VERSION) {
    return { ok: false, reason: `Unsupported file version ${String(data.version)}; this app reads version ${EXPORT_VERSION}.` };
  }
  if (!Array.isArray(data.patterns)) {
    return { ok: false, reason: 'The file has no "patterns" list.' };
  }
  const patterns: PatternInput[] = [];
  for (const [index, item] of data.patterns.entries()) {
    if (!isObject(item) || typeof item.trigger !== 'string' || typeof item.response !== 'string') {
      return { ok: false, reason: `Pattern ${index + 1} needs a text "trigger" and "response".` };
    }
    patterns.push({ trigger: item.trigger, response: item.response });
  }
  const exportedAt = typeof data.exportedAt === 'string' ? data.exportedAt : '';
  return { ok: true, file: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, patterns } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
