import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { parse, parseAllDocuments } from 'yaml';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';

const STAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const K8S_DIR = join(STAGE_DIR, 'deploy/k8s');
const read = (path: string) => readFileSync(join(STAGE_DIR, path), 'utf8');

// The Kubernetes API's JSON schemas, as the kubernetes-models package ships them: offline.
const MODELS = {
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'networking.k8s.io/v1/Ingress': Ingress,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
} as const;
type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string> };

/** Validates one manifest against its kind's schema; throws naming the first problem. */
function validate(manifest: Manifest): void {
  const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}` as keyof typeof MODELS];
  if (!Model) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest as never).validate();
}

const manifestFiles = readdirSync(K8S_DIR).filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml');
const manifests: Manifest[] = manifestFiles.flatMap((name) =>
  parseAllDocuments(readFileSync(join(K8S_DIR, name), 'utf8')).map((doc) => doc.toJS() as Manifest),
);
const byKind = (kind: string) => manifests.find((m) => m.kind === kind)!;

/** Whether the app, configured with this TRUST_PROXY, takes X-Forwarded-For from a proxy at `address`. */
function trusts(trustProxy: string, address: string): boolean {
  const app = express().set('trust proxy', loadConfig({ TRUST_PROXY: trustProxy }).trustProxy);
  return app.get('trust proxy fn')(address, 0);
}

describe('Kubernetes manifests (deploy/k8s), offline', () => {
  it.each(manifestFiles)('%s is valid against the Kubernetes schema', (name) => {
    for (const doc of parseAllDocuments(readFileSync(join(K8S_DIR, name), 'utf8'))) validate(doc.toJS());
  });

  it('the validator does catch a broken manifest (it is not a no-op)', () => {
    const broken = structuredClone(byKind('Deployment'));
    broken.spec.replicas = 'two';
    expect(() => validate(broken)).toThrow(/replicas must be integer/);
  });

  it('kustomization.yaml lists every manifest, and the set is complete', () => {
    expect(parse(readFileSync(join(K8S_DIR, 'kustomization.yaml'), 'utf8')).resources.sort()).toEqual([...manifestFiles].sort());
    expect(manifests.map((m) => m.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'PodDisruptionBudget', 'Service']);
  });

  it('the Deployment probes /health/live and /health/ready, sets resources, and runs as non-root', () => {
    const pod = byKind('Deployment').spec.template.spec;
    const [container] = pod.containers;
    expect(container.livenessProbe.httpGet).toMatchObject({ path: '/health/live', port: 'http' });
    expect(container.startupProbe.httpGet).toMatchObject({ path: '/health/live' });
    expect(container.readinessProbe.httpGet).toMatchObject({ path: '/health/ready', port: 'http' });
    expect(container.resources).toMatchObject({ requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { memory: expect.any(String) } });
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
  });

  it('secrets come from Secret references only: no value in any manifest', () => {
    const env: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string } } }[] = byKind('Deployment').spec.template.spec.containers[0].env;
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'METRICS_TOKEN']) {
      expect(env.find((e) => e.name === name)).toMatchObject({ valueFrom: { secretKeyRef: { name: 'journey-secrets' } } });
    }
    expect(env.filter((e) => e.value !== undefined)).toEqual([]);
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    expect(Object.keys(byKind('ConfigMap').data!)).not.toContain('JWT_SECRET');
  });

  it('the ConfigMap is a configuration the server accepts, and the grace period covers the drain', () => {
    const data = byKind('ConfigMap').data!;
    const config = loadConfig({ ...data, DATABASE_URL: 'postgres://u@db:5432/journey', REDIS_URL: 'redis://redis:6379', JWT_SECRET: 'x'.repeat(32) });
    expect(config).toMatchObject({ production: true, host: '0.0.0.0', port: 3005 });
    const graceSeconds = byKind('Deployment').spec.template.spec.terminationGracePeriodSeconds;
    expect(graceSeconds * 1000).toBeGreaterThan(config.drainDelayMs + config.shutdownTimeoutMs);
  });

  it("trusts X-Forwarded-For from the ingress controller (a pod's private address), not from the internet", () => {
    // Otherwise every client would share the ingress's address, and its per-address limits.
    const { TRUST_PROXY } = byKind('ConfigMap').data!;
    expect([trusts(TRUST_PROXY!, '10.42.0.7'), trusts(TRUST_PROXY!, '203.0.113.9')]).toEqual([true, false]);
  });

  it('Service, HPA and PodDisruptionBudget point at the Deployment and its pods', () => {
    const labels = byKind('Deployment').spec.template.metadata.labels;
    expect(labels).toMatchObject(byKind('Service').spec.selector);
    expect(labels).toMatchObject(byKind('PodDisruptionBudget').spec.selector.matchLabels);
    expect(byKind('HorizontalPodAutoscaler').spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: byKind('Deployment').metadata.name });
    expect(byKind('Ingress').spec.rules[0].http.paths[0].backend.service.name).toBe(byKind('Service').metadata.name);
  });
});

describe('docker-compose.yml, offline', () => {
  const compose = (env: Record<string, string>) =>
    spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], { cwd: STAGE_DIR, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });

  it('`docker-compose config` accepts it: two app instances, postgres, redis, nginx with the repo config', () => {
    const result = compose({ POSTGRES_PASSWORD: 'example', JWT_SECRET: 'example-secret' });
    if (result.error) throw new Error(`docker-compose is needed (apt-get install docker-compose): ${result.error.message}`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { services } = parse(result.stdout);
    expect(Object.keys(services).sort()).toEqual(['app1', 'app2', 'nginx', 'postgres', 'redis']);
    expect(services.app1.environment).toMatchObject({ DATABASE_URL: 'postgres://journey:example@postgres:5432/journey', REDIS_URL: 'redis://redis:6379' });
    const volume: string | { source: string } = services.nginx.volumes[0]; // v1 prints `source:target:ro`
    const nginxConf = typeof volume === 'string' ? volume.split(':')[0]! : volume.source;
    expect(nginxConf).toMatch(/deploy\/nginx\/journey\.conf$/);
    expect(existsSync(nginxConf)).toBe(true);
    expect(readFileSync(nginxConf, 'utf8')).toMatch(/server app1:3005[\s\S]*server app2:3005/);
    // nginx is another container: the app takes the client's address from it, and from no one else.
    const trustProxy = String(services.app1.environment.TRUST_PROXY);
    expect([trusts(trustProxy, '172.18.0.5'), trusts(trustProxy, '203.0.113.9')]).toEqual([true, false]);
  });

  it('refuses to start without its secrets, naming the missing one', () => {
    const result = compose({ JWT_SECRET: 'example-secret' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('set POSTGRES_PASSWORD');
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('is multi-stage on node 20 slim: the final stage takes only the pnpm deploy folder (production dependencies)', () => {
    expect(stages.length).toBe(2);
    for (const stage of stages) expect(stage).toMatch(/^node:20-slim\b/);
    expect(stages[0]).toMatch(/pnpm --filter stage-5 deploy --prod/);
    expect(stages[1]).toMatch(/^COPY --from=build \/app \/app$/m);
    expect(stages[1]).not.toMatch(/^COPY (?!--from)/m);
  });

  it('runs as a non-root user, with a HEALTHCHECK on /health/live, as one process that receives SIGTERM', () => {
    expect(stages[1]).toMatch(/^USER node$/m);
    expect(stages[1]).toMatch(/^HEALTHCHECK [\s\S]*\/health\/live/m);
    expect(stages[1]).toMatch(/^CMD \["node", "--import", "tsx", "src\/server\/main\.ts"\]$/m);
  });

  it('the files it needs exist (the workspace lockfile; the ignore file keeps node_modules out of the build context)', () => {
    expect(existsSync(join(STAGE_DIR, '../pnpm-lock.yaml'))).toBe(true);
    expect(read('Dockerfile.dockerignore')).toMatch(/node_modules/);
  });
});
