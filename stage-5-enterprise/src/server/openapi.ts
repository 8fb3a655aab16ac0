import { fileURLToPath } from 'node:url';
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from '../shared/zod';
import {
  ChatAnswerSchema,
  ChatRequestSchema,
  ErrorBodySchema,
  PageQuerySchema,
  PatternChangesSchema,
  PatternInputSchema,
  PatternListSchema,
  PatternSchema,
  ReplySchema,
  UsageSchema,
} from '../shared/api';
import { IdempotencyKeySchema, PingAnswerSchema, V1OrganizationSchema, V1PatternAnswerSchema } from '../shared/api-v1';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the server validates with
 * (src/shared/api.ts and api-v1.ts): one source, so the document cannot say one thing while the
 * server does another. `pnpm openapi` writes it to openapi.json, which the SDK's types come from.
 */
function register(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  // Named schemas become components ($ref), so generated clients get named types.
  const ErrorBody = registry.register('Error', ErrorBodySchema);
  registry.register('Pattern', PatternSchema);
  registry.register('Reply', ReplySchema);
  registry.register('Organization', V1OrganizationSchema);
  const PatternInput = registry.register('PatternInput', PatternInputSchema);
  const PatternChanges = registry.register('PatternChanges', PatternChangesSchema);
  const ChatRequest = registry.register('ChatRequest', ChatRequestSchema);
  const Usage = registry.register('Usage', UsageSchema);
  registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'jrny_sk_…',
    description: 'An organization API key (create one under API keys). A session cookie is refused with 401 api_key_required.',
  });

  const json = (schema: z.ZodType, description: string, headers?: ResponseConfig['headers']): ResponseConfig => ({
    description,
    headers,
    content: { 'application/json': { schema } },
  });
  const retryAfter = { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } } } satisfies ResponseConfig['headers'];
  /** The error answers an operation may give, all with the one error body. */
  const errors = (...statuses: (keyof typeof ERRORS)[]) =>
    Object.fromEntries(['default', ...statuses].map((status) => [status, json(ErrorBody, ERRORS[status as keyof typeof ERRORS], status === '429' ? retryAfter : undefined)]));
  const replayed = {
    'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } },
  } satisfies ResponseConfig['headers'];
  const idempotencyKey = z.object({
    'Idempotency-Key': IdempotencyKeySchema.optional().openapi({
      description: 'Makes a retry safe: the same key with the same body within 24 hours replays the first answer.',
      example: '5f0c7d3e-8a41-4c59-9a77-2b1d2f0e6a10',
    }),
  });
  const byId = z.object({ id: z.string().openapi({ description: "The pattern's id." }) });
  const read = ['400', '401', '403', '421', '429', '500'] as const;
  const write = [...read, '413', '415'] as const;

  const path = (method: 'get' | 'post' | 'patch' | 'delete', route: string, operationId: string, summary: string, rest: Pick<RouteConfig, 'request' | 'responses' | 'security'>) =>
    registry.registerPath({ method, path: `/api/v1${route}`, operationId, summary, tags: [route.split('/')[1]!], ...rest });

  path('get', '/ping', 'ping', 'Checks the key: answers with its organization', {
    responses: { 200: json(PingAnswerSchema, 'The key works; its organization.'), ...errors(...read) },
  });
  path('get', '/patterns', 'listPatterns', 'Lists patterns, newest first, a page at a time', {
    request: { query: PageQuerySchema },
    responses: { 200: json(PatternListSchema, 'One page; pass nextCursor as cursor for the next (null: that was the last).'), ...errors(...read) },
  });
  path('post', '/patterns', 'createPattern', 'Teaches a pattern', {
    request: { headers: idempotencyKey, body: { required: true, content: { 'application/json': { schema: PatternInput } } } },
    responses: { 201: json(V1PatternAnswerSchema, 'Taught.', replayed), ...errors(...write, '402', '409', '422') },
  });
  path('get', '/patterns/{id}', 'getPattern', 'Reads one pattern', {
    request: { params: byId },
    responses: { 200: json(V1PatternAnswerSchema, 'The pattern.'), ...errors(...read, '404') },
  });
  path('patch', '/patterns/{id}', 'updatePattern', "Changes a pattern's trigger, response, or both", {
    request: { params: byId, body: { required: true, content: { 'application/json': { schema: PatternChanges } } } },
    responses: { 200: json(V1PatternAnswerSchema, 'Changed.'), ...errors(...write, '404') },
  });
  path('delete', '/patterns/{id}', 'deletePattern', 'Deletes a pattern', {
    request: { params: byId },
    responses: { 204: { description: 'Deleted.' }, ...errors(...read, '404') },
  });
  path('post', '/chat', 'chat', 'Sends a message; answers with the reply', {
    request: { headers: idempotencyKey, body: { required: true, content: { 'application/json': { schema: ChatRequest } } } },
    responses: { 200: json(ChatAnswerSchema, 'The reply.', replayed), ...errors(...write, '402', '409', '422') },
  });
  path('get', '/usage', 'usage', "This month's usage against the plan's limits", {
    responses: { 200: json(Usage, 'The plan, its limits and what was used this month.'), ...errors(...read) },
  });
  path('get', '/openapi.json', 'openapi', 'This document', {
    security: [],
    responses: { 200: json(z.record(z.string(), z.unknown()), 'The OpenAPI 3.1 document.'), ...errors('500') },
  });
  return registry;
}

const ERRORS = {
  default: 'An error.',
  '400': 'Bad input: `details` lists the problems by field.',
  '401': 'No valid API key (api_key_required for a session cookie or sign-in token; unauthorized for an unknown or revoked key).',
  '402': "The plan's limit is reached (plan_limit): `details` says which, and where to upgrade.",
  '403': 'The organization is suspended, or the key may not do this.',
  '404': 'No such pattern in this organization.',
  '409': 'The store is full (quota_exceeded), or a request with this Idempotency-Key is still running (idempotency_in_progress).',
  '413': 'The body is too large.',
  '415': 'The body is in a charset or encoding the server does not read.',
  '421': 'A Host this server does not answer for.',
  '422': 'This Idempotency-Key was used with another request (idempotency_key_reused).',
  '429': 'Too many requests (rate_limited): wait the seconds in the Retry-After header, then retry.',
  '500': 'A bug or an outage on the server; quote the requestId to support.',
} as const;

let document: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

/** The document, generated once per process. */
export function openApiDocument() {
  document ??= new OpenApiGeneratorV31(register().definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Journey API',
      version: '1.0.0',
      description:
        'The public API of the pattern-matching chatbot, for programs with an organization API key. ' +
        'Errors are `{ error: { code, message, details?, requestId } }`; every answer carries `X-Request-Id`. ' +
        'Within v1, fields, endpoints, optional parameters and error codes may be added; anything else waits for v2.',
    },
    security: [{ apiKey: [] }],
  });
  return document;
}

/** Where `pnpm openapi` writes the document: stage-5-enterprise/openapi.json. */
export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi.json', import.meta.url));

/** The committed file's exact text. */
export const openApiText = () => `${JSON.stringify(openApiDocument(), null, 2)}\n`;
