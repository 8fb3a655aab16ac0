import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request: pass it on, or stand in for a failing network. */
export type Step =
  /** Forwards, and hands back the server's answer. */
  | 'forward'
  /** Answers 429 with this Retry-After itself; the server never sees the request. */
  | { tooManyRequests: string }
  /** Forwards (the server does the work), then answers 503 instead: an answer lost on the way back. */
  | 'forwardThenLose';

export interface Seen {
  method: string;
  url: string;
  idempotencyKey: string | undefined;
  at: number;
  /** The server's status, when the request was forwarded. */
  upstreamStatus?: number;
  /** The server's Idempotent-Replayed header, when forwarded. */
  replayed?: string | null;
}

/**
 * A tiny HTTP proxy in front of a live server, scripted per request (`steps[i]` for the i-th
 * request, then 'forward'): the failures a network and a busy server produce, made on demand.
 */
export async function flakyProxy(target: string, steps: Step[]) {
  const seen: Seen[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const step = steps[seen.length] ?? 'forward';
    const entry: Seen = { method: req.method!, url: req.url!, idempotencyKey: req.headers['idempotency-key'] as string | undefined, at: performance.now() };
    seen.push(entry);
    if (typeof step === 'object') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': step.tooManyRequests });
      res.end(JSON.stringify({ error: { code: 'too_many_attempts', message: 'Slow down.', requestId: 'proxy-429' } }));
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'connection')) as Record<string, string>;
    const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const body = Buffer.from(await upstream.arrayBuffer());
    entry.upstreamStatus = upstream.status;
    entry.replayed = upstream.headers.get('idempotent-replayed');
    if (step === 'forwardThenLose') {
      res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'internal_error', message: 'Lost.', requestId: 'proxy-503' } }));
      return;
    }
    const answerHeaders: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) answerHeaders[name] = value;
    });
    res.writeHead(upstream.status, answerHeaders).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
