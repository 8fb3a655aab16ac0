import express from 'express';

/**
 * How a route reads its body, declared where the route is declared. Bodies are capped before they
 * are parsed: a pattern is a few KB at most, an import file more. A route that needs the exact
 * bytes (a signed webhook, in a later stage) declares `express.raw` instead.
 */
export const jsonBody = express.json({ limit: '16kb' });
export const importBody = express.json({ limit: '2mb' });
