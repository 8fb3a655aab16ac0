/**
 * `pnpm openapi`: writes the OpenAPI document of /api/v1 (generated from the zod schemas, see
 * src/server/openapi.ts) to openapi.json, the file the SDK generates its types from. A test
 * (test/openapi.test.ts) fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { OPENAPI_FILE, openApiText } from '../src/server/openapi';

writeFileSync(OPENAPI_FILE, openApiText());
console.log(`wrote ${OPENAPI_FILE}`);
