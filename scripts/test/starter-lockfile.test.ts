import { describe, expect, it } from 'vitest';
import { starterLockfile } from '../lib/starter-lockfile';

const JOURNEY_LOCK = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    devDependencies:
      turbo:
        specifier: ^2.11.0
        version: 2.11.11

  packages/ui:
    dependencies:
      lit:
        specifier: ^3.3.0
        version: 3.3.3

  stage-2-shared:
    dependencies:
      '@journey/ui':
        specifier: workspace:*
        version: link:../packages/ui
      vite:
        specifier: ^8.3.0
        version: 8.3.8(esbuild@0.28.2)

  stage-3-users:
    dependencies:
      jose:
        specifier: ^6.1.0
        version: 6.2.18

packages:

  '@esbuild/linux-x64@0.28.2':
    resolution: {integrity: sha512-e}
    cpu: [x64]

  esbuild@0.28.2:
    resolution: {integrity: sha512-d}
    hasBin: true

  jose@6.2.18:
    resolution: {integrity: sha512-c}

  lit@3.3.3:
    resolution: {integrity: sha512-a}

  turbo@2.11.11:
    resolution: {integrity: sha512-f}

  vite@8.3.8:
    resolution: {integrity: sha512-b}
    peerDependencies:
      esbuild: '*'

snapshots:

  '@esbuild/linux-x64@0.28.2':
    optional: true

  esbuild@0.28.2:
    optionalDependencies:
      '@esbuild/linux-x64': 0.28.2

  jose@6.2.18: {}

  lit@3.3.3: {}

  turbo@2.11.11: {}

  vite@8.3.8(esbuild@0.28.2):
    dependencies:
      esbuild: 0.28.2
    transitivePeerDependencies:
      - jose
`;

describe('starterLockfile', () => {
  it('keeps the copied importers, moves the stage to app and keeps only the packages they reach', () => {
    const lock = starterLockfile(JOURNEY_LOCK, new Map([['stage-2-shared', 'app'], ['packages/ui', 'packages/ui']]));
    expect(lock).toBe(`lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .: {}

  app:
    dependencies:
      '@journey/ui':
        specifier: workspace:*
        version: link:../packages/ui
      vite:
        specifier: ^8.3.0
        version: 8.3.8(esbuild@0.28.2)

  packages/ui:
    dependencies:
      lit:
        specifier: ^3.3.0
        version: 3.3.3

packages:

  '@esbuild/linux-x64@0.28.2':
    resolution: {integrity: sha512-e}
    cpu: [x64]

  esbuild@0.28.2:
    resolution: {integrity: sha512-d}
    hasBin: true

  lit@3.3.3:
    resolution: {integrity: sha512-a}

  vite@8.3.8:
    resolution: {integrity: sha512-b}
    peerDependencies:
      esbuild: '*'

snapshots:

  '@esbuild/linux-x64@0.28.2':
    optional: true

  esbuild@0.28.2:
    optionalDependencies:
      '@esbuild/linux-x64': 0.28.2

  lit@3.3.3: {}

  vite@8.3.8(esbuild@0.28.2):
    dependencies:
      esbuild: 0.28.2
    transitivePeerDependencies:
      - jose
`);
  });

  it('gives up on a folder the lock file does not know, or on another lock file format', () => {
    expect(starterLockfile(JOURNEY_LOCK, new Map([['stage-9-later', 'app']]))).toBeNull();
    expect(starterLockfile(JOURNEY_LOCK.replace("'9.0'", "'6.0'"), new Map([['stage-2-shared', 'app']]))).toBeNull();
  });

  it('gives up when a dependency has no snapshot rather than write a broken lock file', () => {
    const broken = JOURNEY_LOCK.replace('  lit@3.3.3: {}\n', '');
    expect(starterLockfile(broken, new Map([['packages/ui', 'packages/ui']]))).toBeNull();
  });
});
