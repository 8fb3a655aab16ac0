import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler } from 'express';

declare global {
  namespace Express {
    interface Request {
      /** Set by the admin routes: this caller acts as a platform admin (the audit trail says so). */
      asPlatformAdmin?: boolean;
    }
  }
}

const current = new AsyncLocalStorage<Request>();

/**
 * Keeps the request at hand for whatever runs on its behalf, however deep: an audit entry needs
 * the caller's address, user agent, request id and identity, and threading those through every
 * service call would drown the code that matters. Node's AsyncLocalStorage follows the request
 * across every `await`; outside a request (a script, a test calling a service) there is none.
 */
export const requestContext: RequestHandler = (req, _res, next) => current.run(req, next);

/** The request being served, if any. */
export const currentRequest = (): Request | undefined => current.getStore();
