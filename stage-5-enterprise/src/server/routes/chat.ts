import { Router } from 'express';
import type { PatternsService } from '../patterns-service';
import { activeOrg } from '../auth/active-org';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { ChatRequestSchema } from '../../shared/api';

export function chatRoutes(patterns: PatternsService): Router {
  return Router().post('/chat', jsonBody, async (req, res) => {
    const { message } = validate(ChatRequestSchema, req.body);
    res.json({ reply: await patterns.chat(activeOrg(req).id, signedInUser(req), message, req.apiKey?.standing) }); // a key read it already
  });
}
