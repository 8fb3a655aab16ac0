import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../src/server/openapi';

/**
 * The contract test's recorder: helpers.ts `call` hands every /api/v1 answer of the test suite to
 * `checkV1Answer`, which throws (failing that test) unless the OpenAPI document describes it: an
 * operation for the method and path, a response for the status, and a body its schema accepts
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses). An undocumented status fails as much as a wrong field.
 */
const document = openApiDocument() as unknown as OpenApiDoc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, 'openapi'); // the responses' $refs (#/components/…) resolve in the document

type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };
type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };

/** `/api/v1/patterns/{id}` → a RegExp for the concrete paths it names. */
const templates = Object.keys(document.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** JSON Pointer escaping of one path segment (RFC 6901). */
const pointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** How many answers were checked, per "METHOD template status": the contract test reads it to know the recorder ran. */
export const checked = new Map<string, number>();

export function checkV1Answer(method: string, url: string, status: number, text: string): void {
  const path = new URL(url, 'http://x').pathname;
  const found = templates.find(({ pattern }) => pattern.test(path));
  const operation = found && document.paths[found.template]![method.toLowerCase()];
  const where = `${method} ${path} → ${status}`;
  if (!found || !operation) {
    // A path or method the document does not have: only a JSON 404 error is a correct answer.
    if (status !== 404) throw new Error(`contract: ${where} is not in the OpenAPI document`);
    return validate('#/components/schemas/Error', text, where);
  }
  const response = operation.responses[String(status)] ? String(status) : undefined;
  if (!response) throw new Error(`contract: ${where}: status ${status} is not documented for ${method} ${found.template}`);
  const key = `${method} ${found.template} ${status}`;
  checked.set(key, (checked.get(key) ?? 0) + 1);
  const content = operation.responses[response]!.content;
  if (!content) {
    if (text !== '') throw new Error(`contract: ${where}: documented without a body, but has one: ${text.slice(0, 200)}`);
    return;
  }
  validate(`#/paths/${pointer(found.template)}/${method.toLowerCase()}/responses/${response}/content/application~1json/schema`, text, where);
}

function validate(ref: string, text: string, where: string): void {
  const check = ajv.getSchema(`openapi${ref}`);
  if (!check) throw new Error(`contract: no schema at ${ref}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`contract: ${where}: the body is not JSON: ${text.slice(0, 200)}`);
  }
  if (!check(body)) throw new Error(`contract: ${where}: the body does not match the document: ${ajv.errorsText(check.errors)}\n${text.slice(0, 500)}`);
}
