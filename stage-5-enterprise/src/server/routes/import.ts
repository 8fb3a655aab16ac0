import { Router } from 'express';
import { parseExport } from '@journey/llm-core';
import type { PatternsService } from '../patterns-service';
import { signedInUser } from '../auth/require-user';
import { activeOrg } from '../auth/active-org';
import { AppError } from '../app-error';
import { importBody } from '../body';
import { validate } from '../errors';
import { isEarlierExample } from '../examples';
import { PatternInputSchema } from '../../shared/api';
import { teachersOnly } from '../auth/teachers-only';

/**
 * Stage 1's export file. llm-core checks the format; each pattern must then pass the same rules
 * as teaching one. Nothing is stored unless every pattern passes. Examples of an earlier stage
 * that read differently here stay behind: this stage has its own.
 */
export function importRoutes(patterns: PatternsService): Router {
  return Router().post('/import', teachersOnly('import patterns'), importBody, async (req, res) => {
    const parsed = parseExport(req.body);
    if (!parsed.ok) throw new AppError('invalid_export', parsed.reason);
    const inputs = parsed.file.patterns
      .map((pattern, i) => validate(PatternInputSchema, pattern, `Pattern ${i + 1}`))
      .filter((pattern) => !isEarlierExample(pattern));
    res.json({ imported: (await patterns.importMany(activeOrg(req).id, signedInUser(req), inputs)).length });
  });
}
