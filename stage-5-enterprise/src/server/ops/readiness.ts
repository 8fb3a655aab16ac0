/** One question readiness asks: resolves when the dependency answers, rejects when it does not. */
export type ReadinessCheck = () => Promise<unknown>;

export interface ReadinessReport {
  ready: boolean;
  status: 'ready' | 'not_ready' | 'draining';
  /** Each check's outcome by name. No error text: the answer is public, the logs say why. */
  checks: Record<string, 'ok' | 'failed' | 'timeout'>;
  /** The failures' causes, for the log line. */
  errors: Record<string, string>;
}

/** A check that neither answers nor fails within this long counts as failed (a pool can wait forever). */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * May a balancer send this instance traffic? A small list of named checks (`database`,
 * `migrations`, later `redis`), all asked at once on every probe, plus one switch: once draining
 * (SIGTERM), the answer is no whatever the checks say, so balancers move traffic away before the
 * listener closes.
 */
export function createReadiness({ timeoutMs = CHECK_TIMEOUT_MS } = {}) {
  const checks = new Map<string, ReadinessCheck>();
  let draining = false;

  async function run(check: ReadinessCheck): Promise<{ outcome: 'ok' | 'failed' | 'timeout'; error?: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      const outcome = await Promise.race([check().then(() => 'ok' as const), timeout]);
      return outcome === 'ok' ? { outcome } : { outcome, error: `no answer within ${timeoutMs} ms` };
    } catch (error) {
      return { outcome: 'failed', error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /** Adds (or replaces) the check called `name`. */
    add(name: string, check: ReadinessCheck): void {
      checks.set(name, check);
    },
    /** From now on, not ready: the instance is shutting down. */
    drain(): void {
      draining = true;
    },
    get draining(): boolean {
      return draining;
    },
    async report(): Promise<ReadinessReport> {
      if (draining) return { ready: false, status: 'draining', checks: {}, errors: {} };
      const names = [...checks.keys()];
      const results = await Promise.all([...checks.values()].map(run));
      const report: ReadinessReport = { ready: true, status: 'ready', checks: {}, errors: {} };
      results.forEach(({ outcome, error }, i) => {
        report.checks[names[i]!] = outcome;
        if (error) report.errors[names[i]!] = error;
      });
      if (Object.values(report.checks).some((outcome) => outcome !== 'ok')) Object.assign(report, { ready: false, status: 'not_ready' });
      return report;
    },
  };
}

export type Readiness = ReturnType<typeof createReadiness>;
