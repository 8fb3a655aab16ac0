export { JourneyClient, PatternsApi } from './client.js';
export type { JourneyClientOptions } from './config.js';
export { JourneyError, JourneyNetworkError, JourneyTimeoutError, type JourneyErrorInit } from './errors.js';
export type { RequestOptions } from './transport.js';
export type { ApiErrorCode, ClientErrorCode, ErrorCode, Organization, Pattern, PatternChanges, PatternInput, PatternList, Ping, Reply, Usage } from './types.js';
export type { components, operations, paths } from './schema.js';
