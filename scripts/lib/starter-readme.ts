import { STAGES, type JourneyStage } from './journey';

export interface ReadmeFacts {
  name: string;
  stage: JourneyStage;
  packages: string[];
  /** The journey commit it was copied from, when known. */
  commit: string | null;
  hasServer: boolean;
  /** The app speaks PostgreSQL (`pg`): embedded PGlite by default, a server through DATABASE_URL. */
  usesPostgres: boolean;
}

/** The README of a project written by `pnpm starter`: run, test, where it came from, where to go next. */
export function starterReadme({ name, stage, packages, commit, hasServer, usesPostgres }: ReadmeFacts): string {
  const next = STAGES.find((candidate) => candidate.number === stage.number + 1);
  const port = 3000 + stage.number;
  const origin = commit ? ` (commit \`${commit}\`)` : '';
  const lines = [
    `# ${name}`,
    '',
    `Started from **stage ${stage.number}** (\`${stage.folder}\`) of the LLM → SaaS Journey${origin}, the stage that adds`,
    `${stage.layer}.`,
    '[app/README.md](app/README.md) is that stage\'s own README: what it claims, what it cannot do yet,',
    'and how its tests prove both.',
    '',
    '## Run it',
    '',
    '```sh',
    'pnpm install',
    `pnpm start          # http://localhost:${port} (PORT=... to change)`,
    '```',
    '',
    'Needs Node 20.19 or newer and pnpm 10 (`npm i -g pnpm@10`, or `corepack enable` where corepack works).',
    hasServer
      ? 'The server keeps its data in `app/data/` (gitignored; `DATA_DIR` moves it).'
      : 'Everything lives in the browser: there is no server and no data folder.',
    ...(usesPostgres
      ? ['Its database is an embedded PostgreSQL (PGlite) there; `DATABASE_URL=postgres://…` uses a PostgreSQL server instead.']
      : []),
    '',
    '## Test it',
    '',
    '```sh',
    'pnpm test           # unit and integration tests of the app and the shared packages',
    'pnpm typecheck',
    'pnpm e2e            # browser checks (Playwright): uses /usr/bin/chromium if present, else',
    '                    # run `pnpm --dir app exec playwright install chromium` once',
    '```',
    ...(usesPostgres
      ? [
          '',
          'The database tests run twice: on PGlite, and on a new database (made and dropped by each test file)',
          'on the PostgreSQL server at 127.0.0.1:5432 as `postgres` (`TEST_DATABASE_URL` names another).',
          'With no server around, `PG_TESTS=off pnpm test` runs the PGlite half only.',
        ]
      : []),
    '',
    '## What is where',
    '',
    '| path | what |',
    '|---|---|',
    `| \`app/\` | the app (package \`${name}\`), exactly as stage ${stage.number} had it |`,
    ...packages.map((folder) => `| \`packages/${folder}/\` | shared package, copied from the journey; yours to change now |`),
    '| `tsconfig.base.json` | strict TypeScript settings every package extends |',
    '| `pnpm-workspace.yaml` | the workspace: `app` and `packages/*`; which dependencies may run install scripts |',
    '| `pnpm-lock.yaml` | the exact versions the journey was tested with (`pnpm update` moves them when you choose) |',
    "| `LICENSE` | the journey's MIT license: keep it with the code you copied; your own code may carry any license |",
    '',
    'The layout mirrors the journey repository (the stage folder became `app/`), so every relative path',
    'in the code means what it meant there. `workspace:*` dependencies resolve to `packages/`.',
    'To keep your own history: `git init && git add -A && git commit -m "Start from the journey"`.',
    '',
    '## Where to go next',
    '',
  ];
  if (next) {
    lines.push(
      `Stage ${next.number} (\`${next.folder}\`) adds ${next.layer}.`,
      `Its lesson is \`docs/stage-${stage.number}-to-${next.number}.md\` in the journey repository: the files that change, with`,
      'their diffs. To move up, export it next to this project (`pnpm starter ' + next.number + ' <dir>` in the journey',
      'repository), carry your changes across, and move your data with the steps in `docs/upgrading-your-data.md`;',
      '`docs/copy-a-stage.md` walks through it.',
    );
  } else {
    lines.push('This is the last stage of the journey: from here the road is yours.');
  }
  return `${lines.join('\n')}\n`;
}
