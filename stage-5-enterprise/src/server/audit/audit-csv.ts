import type { AuditEntry } from '../../shared/audit-api';

const COLUMNS = ['at', 'action', 'actor_type', 'actor', 'actor_id', 'target_type', 'target', 'target_id', 'ip', 'user_agent', 'request_id', 'summary', 'seq'];

/**
 * One CSV cell. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return)
 * as a formula, and an actor label or a user agent is anyone's text: such cells get a leading '
 * (OWASP's advice). Then the usual quoting: every cell in quotes, quotes doubled.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsv(entries: AuditEntry[]): string {
  const rows = entries.map((e) => [
    e.at, e.action, e.actor.type, e.actor.label, e.actor.id, e.target?.type, e.target?.label, e.target?.id,
    e.ip, e.userAgent, e.requestId, JSON.stringify(e.summary), e.seq,
  ]);
  return [COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
