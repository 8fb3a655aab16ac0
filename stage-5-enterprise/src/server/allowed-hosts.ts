import type { RequestHandler } from 'express';
import { AppError } from './app-error';

/** The names a browser on this machine uses for it. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `name` or `name:port`, where a name is a DNS name, an IPv4 address or a bracketed IPv6 one. */
const HOST_HEADER = /^(\[[\da-f:.]+\]|[a-z\d.-]+)(?::(\d{1,5}))?$/i;

/**
 * Answers only requests addressed to this app: APP_URL's host, or a loopback name on the port the
 * request came in on, or on APP_URL's port when APP_URL is a loopback address (behind nginx on this
 * machine, as in start:cluster, people open nginx's port, not the instance's). A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) can
 * make a browser send requests here, but they carry that page's name in `Host`: refused (421)
 * before anything runs.
 */
export function allowedHostsOnly(appUrl: string): RequestHandler {
  const app = new URL(appUrl);
  const defaultPort = app.protocol === 'https:' ? '443' : '80'; // what a Host without a port means
  const appPort = app.port || defaultPort;
  const appIsLoopback = LOOPBACK_NAMES.has(app.hostname);
  return (req, _res, next) => {
    const [, name, port] = HOST_HEADER.exec(req.headers.host ?? '') ?? [];
    const hostname = name?.toLowerCase();
    const ours =
      (hostname === app.hostname && (port ?? defaultPort) === appPort) ||
      (hostname !== undefined && LOOPBACK_NAMES.has(hostname) && (port === String(req.socket.localPort) || (appIsLoopback && port === appPort)));
    if (ours) return next();
    next(new AppError('misdirected_request', 'This server does not answer for that host name.'));
  };
}
