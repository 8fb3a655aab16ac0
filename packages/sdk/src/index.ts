export { JourneyClient, PatternsApi } from './client.js';
export type { JourneyClientOptions } from './config.js';
export { JourneyError, JourneyNetworkError, JourneyTimeoutError, type JourneyErrorInit } from './errors.js';
export type { RequestOptions } from './transport.js';
export type { Pattern, PatternChanges, PatternInput, PatternList, Ping, Reply, Usage } from './types.js';
export type { components, paths } from './schema.js';
