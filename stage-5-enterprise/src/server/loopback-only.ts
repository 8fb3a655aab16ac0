import type { RequestHandler } from 'express';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * For development pages (the outbox holds password-reset links): only a client on this machine
 * sees them; anyone else gets the 404 of a page that does not exist. It reads the socket's
 * address, not `req.ip`, which a proxy setting would take from a header the client chose.
 */
export const loopbackOnly: RequestHandler = (req, _res, next) => {
  next(LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '') ? undefined : 'route');
};
