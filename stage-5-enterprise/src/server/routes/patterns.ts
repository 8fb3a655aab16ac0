import { Router } from 'express';
import type { PatternsService } from '../patterns-service';
import { signedInUser } from '../auth/require-user';
import { activeOrg } from '../auth/active-org';
import { AppError } from '../app-error';
import { requireTeacher } from '../auth/teachers-only';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { PageQuerySchema, PatternChangesSchema, PatternInputSchema } from '../../shared/api';

// Written for the person who sees it in the page (the API client knows which id it asked for).
// The same answer whether the pattern never existed or belongs to another organization: a 404
// must not tell that someone else has a pattern with this id.
const notFound = () => new AppError('not_found', 'That pattern does not exist; someone may have deleted it.');

/** Thin by design: check the input, call the service for the active organization, pick the status. */
export function patternRoutes(patterns: PatternsService): Router {
  const router = Router();

  // A page at a time: `?limit=` (100 by default), and `?cursor=` from the previous page's nextCursor.
  router.get('/patterns', async (req, res) => {
    const { limit, cursor } = validate(PageQuerySchema, req.query);
    res.json(await patterns.page(activeOrg(req).id, limit, cursor));
  });

  router.post('/patterns', jsonBody, async (req, res) => {
    requireTeacher(req, 'teach patterns');
    const orgId = activeOrg(req).id;
    const pattern = await patterns.teach(orgId, signedInUser(req), validate(PatternInputSchema, req.body));
    // overlaps: the patterns that already answered some of the same messages, for the page to mention.
    res.status(201).json({ pattern, overlaps: await patterns.overlaps(orgId, pattern.trigger, pattern.id) });
  });

  router.put('/patterns/:id', jsonBody, async (req, res) => {
    requireTeacher(req, 'edit patterns');
    const orgId = activeOrg(req).id;
    const pattern = await patterns.update(orgId, req.params.id, validate(PatternChangesSchema, req.body));
    if (!pattern) throw notFound();
    res.json({ pattern, overlaps: await patterns.overlaps(orgId, pattern.trigger, pattern.id) });
  });

  router.delete('/patterns/:id', async (req, res) => {
    requireTeacher(req, 'delete patterns');
    if (!(await patterns.remove(activeOrg(req).id, req.params.id))) throw notFound();
    res.status(204).end();
  });

  return router;
}
