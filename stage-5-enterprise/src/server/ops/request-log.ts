import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { requestId } from '../request-id';

/**
 * One JSON line per request, with its id (`X-Request-Id`, kept from the caller when sane), and the
 * organization and user it acted for once the auth middleware knew them (read when the response
 * finishes). Headers are logged for support (user agent, forwarded address); their credentials are
 * redacted by the logger (ops/logger.ts).
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestId,
    // Probes come every few seconds from every balancer: counted in /metrics, not logged.
    autoLogging: { ignore: (req) => req.url?.startsWith('/health/') ?? false },
    wrapSerializers: false, // ours read the raw request directly: less work per request
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, url: req.url, headers: req.headers }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode, headers: res.getHeaders() }),
    },
    customProps: (req) => ({ orgId: (req as Request).org?.id, userId: (req as Request).user?.id }),
  });
}
