import { Router } from 'express';
import type { PatternsService } from '../patterns-service';
import { signedInUser } from '../auth/require-user';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { ChatRequestSchema } from '../../shared/api';

export function chatRoutes(patterns: PatternsService): Router {
  return Router().post('/chat', jsonBody, (req, res) => {
    const { message } = validate(ChatRequestSchema, req.body);
    res.json({ reply: patterns.chat(signedInUser(req).id, message) });
  });
}
