import type { components, operations } from './schema.js';

/**
 * The API's shapes, as its OpenAPI document names them. src/schema.d.ts is generated from
 * stage-5-enterprise/openapi.json (`pnpm generate`), itself generated from the server's zod
 * schemas: a field the server adds or renames reaches these types with no hand edit.
 */
type Schemas = components['schemas'];

export type Pattern = Schemas['Pattern'];
export type PatternInput = Schemas['PatternInput'];
export type PatternChanges = Schemas['PatternChanges'];
export type Reply = Schemas['Reply'];
export type Usage = Schemas['Usage'];
export type Organization = Schemas['Organization'];

/** The JSON body an operation answers with `status`. */
export type AnswerOf<Operation extends keyof operations, Status extends number> = operations[Operation]['responses'] extends {
  [S in Status]: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type Ping = AnswerOf<'ping', 200>;
export type PatternList = AnswerOf<'listPatterns', 200>;

/** Every code the API may put in `error.code` (the document's enum). */
export type ApiErrorCode = Schemas['Error']['error']['code'];
/** The client's own codes: no answer, or not one it can read. */
export type ClientErrorCode = 'timeout' | 'network_error' | 'missing_api_key' | 'invalid_response' | 'http_error';
/** `string & {}`: a newer server may send a code this version does not know, and it still type-checks. */
export type ErrorCode = ApiErrorCode | ClientErrorCode | (string & {});
