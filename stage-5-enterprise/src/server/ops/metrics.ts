import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UsageKind } from '../usage-repo';

/** Seconds: from a cached chat (~1 ms) to a slow import. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: the engine answers in microseconds; a pathological trigger set takes milliseconds. */
const ENGINE_BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05];
/** Seconds: building an engine takes time with every pattern, from a millisecond to a second or so. */
const BUILD_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** What the services report, without knowing about Prometheus (and nothing in tests that omit it). */
export interface Meter {
  /** One engine reply took `seconds`. */
  engineReplied(seconds: number): void;
  /** An organization's engine was built from its patterns, in `seconds` (the instance served nothing else meanwhile). */
  engineBuilt(seconds: number): void;
  /** `count` of `kind` were used (a chat, a teach, the patterns of an import, an API call). */
  used(kind: UsageKind, count: number): void;
}

/**
 * This instance's metrics, in its own registry (tests build many servers in one process). Every
 * label has a bounded set of values: a route's pattern (never the raw URL), a method, a status, a
 * usage kind. Never an organization or user id: one series per customer would grow without end,
 * and per-customer figures live in the usage table already.
 */
export function createMetrics({ processMetrics = false } = {}) {
  const registry = new Registry();
  // CPU, memory, event-loop lag, GC: only where someone reads them (they start timers of their own).
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers,
  });
  const requestSeconds = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its response finishing, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const engineSeconds = new Histogram({
    name: 'journey_engine_reply_seconds',
    help: "Time the pattern engine took to find a reply (the engine alone, no database).",
    buckets: ENGINE_BUCKETS,
    registers,
  });
  const engineBuilds = new Histogram({
    name: 'journey_engine_build_seconds',
    help: 'Time spent building an engine from all of an organization\'s patterns (a first chat, or an engine that fell behind), when this instance served nothing else.',
    buckets: BUILD_BUCKETS,
    registers,
  });
  const usage = new Counter({
    name: 'journey_usage_total',
    help: 'Chats, taught patterns, imported patterns and API calls counted against plans (all organizations together).',
    labelNames: ['kind'] as const,
    registers,
  });

  const meter: Meter = {
    engineReplied: (seconds) => engineSeconds.observe(seconds),
    engineBuilt: (seconds) => engineBuilds.observe(seconds),
    used: (kind, count) => usage.inc({ kind }, count),
  };

  return {
    registry,
    meter,
    /** One answered request. `route` must be a pattern such as `/api/patterns/:id`. */
    requestServed(route: string, method: string, status: number, seconds: number): void {
      const labels = { route, method, status: String(status) };
      requests.inc(labels);
      requestSeconds.observe(labels, seconds);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
