import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// zod with `.openapi(…)`, for the OpenAPI document (src/server/openapi.ts). zod copies a schema's
// methods when it is made, so this runs before any schema of the contract is: api.ts and
// api-v1.ts take `z` from here.
extendZodWithOpenApi(z);

export { z };
