import { Router } from 'express';
import type { FileOutbox, StoredMail } from '../mail/outbox';
import { loopbackOnly } from '../loopback-only';

/** Text made safe to place inside HTML: the mail holds user input (an email address, at least). */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Escaped text with its http(s) links made clickable (no other scheme, so no `javascript:`). */
const withLinks = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

const renderMail = (mail: StoredMail) => `
  <article>
    <h2>${escapeHtml(mail.subject)}</h2>
    <p class="meta">To ${escapeHtml(mail.to)} · ${escapeHtml(mail.sentAt)}</p>
    <pre>${withLinks(mail.text)}</pre>
  </article>`;

/**
 * GET /dev/outbox: the mails the app "sent", for a developer to read. Mounted only outside
 * production (see app.ts), and shown only to a browser on this machine: the mails hold
 * password-reset links. In production these mails must go through a real mailer instead.
 */
export function devOutboxRoutes(outbox: FileOutbox): Router {
  return Router().get('/dev/outbox', loopbackOnly, (_req, res) => {
    const mails = outbox.list();
    res.type('html').send(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Outbox (development)</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1f2933; }
    article { border: 1px solid #d9dee3; border-radius: 8px; padding: 0 1rem; margin: 1rem 0; }
    h2 { font-size: 1.1rem; } .meta { color: #5f6b76; font-size: 0.9rem; }
    pre { white-space: pre-wrap; word-break: break-word; font: inherit; }
  </style>
</head>
<body>
  <h1>Outbox</h1>
  <p>Mails the app would have sent. Development only: nothing left this machine. Files: <code>${escapeHtml(outbox.dir)}</code></p>
  ${mails.length === 0 ? '<p>No mail yet.</p>' : mails.map(renderMail).join('')}
</body>
</html>`);
  });
}
