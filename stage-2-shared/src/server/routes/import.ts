import { Router } from 'express';
import { parseExport } from '@journey/llm-core';
import type { PatternsService } from '../patterns-service';
import { isEarlierExample } from '../examples';
import { HttpError, validate } from '../errors';
import { PatternInputSchema } from '../schemas';

/**
 * Stage 1's export file. llm-core checks the format; each pattern must then pass the same rules
 * as teaching one. Nothing is stored unless every pattern passes. Examples of an earlier stage
 * that read differently here stay behind: this stage has its own.
 */
export function importRoutes(patterns: PatternsService): Router {
  return Router().post('/import', (req, res) => {
    const parsed = parseExport(req.body);
    if (!parsed.ok) throw new HttpError(400, 'invalid_export', parsed.reason);
    const inputs = parsed.file.patterns
      .map((pattern, i) => validate(PatternInputSchema, pattern, `Pattern ${i + 1}`))
      .filter((pattern) => !isEarlierExample(pattern));
    res.json({ imported: patterns.importMany(inputs).length });
  });
}
