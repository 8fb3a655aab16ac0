import type { Analytics } from '../../shared/api';

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
const field = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};
const line = (values: (string | number | null)[]) => values.map(field).join(',');

/** The dashboard as one CSV: sections, each with its own header row, separated by a blank line. */
export function analyticsCsv(a: Analytics): string {
  return [
    line(['day', 'chats', 'fallbacks', 'teaches', 'imports', 'api_calls']),
    ...a.perDay.map((d) => line([d.day, d.chats, d.fallbacks, d.teaches, d.imports, d.apiCalls])),
    '',
    line(['unanswered_question', 'count']),
    ...a.unanswered.map((q) => line([q.question, q.count])),
    '',
    line(['pattern_id', 'trigger', 'matched']),
    ...a.topPatterns.map((p) => line([p.patternId, p.trigger, p.count])),
    '',
    line(['actor', 'kind', 'chats', 'teaches', 'imports', 'api_calls']),
    ...a.activity.map((m) => line([m.label, m.kind, m.chats, m.teaches, m.imports, m.apiCalls])),
  ].join('\r\n') + '\r\n';
}
