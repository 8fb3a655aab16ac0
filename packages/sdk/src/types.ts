import type { components } from './schema.js';

/**
 * The API's shapes, as its OpenAPI document names them: src/schema.d.ts is generated from
 * stage-5-enterprise/openapi.json (`pnpm generate`), itself generated from the server's zod schemas.
 * A field the server adds or renames reaches these types with no hand edit.
 */
type Schemas = components['schemas'];

export type Pattern = Schemas['Pattern'];
export type PatternList = Schemas['PatternList'];
export type PatternInput = Schemas['PatternInput'];
export type PatternChanges = Schemas['PatternChanges'];
export type Reply = Schemas['Reply'];
export type Ping = Schemas['Ping'];
export type Usage = Schemas['Usage'];
