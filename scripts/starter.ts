/**
 * `pnpm starter <N> <dir> [--name <package-name>]` writes stage N to <dir> as a standalone project.
 * See docs/copy-a-stage.md.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StarterError, writeStarter } from './lib/write-starter';

const USAGE = 'usage: pnpm starter <stage 1-5> <dir> [--name <package-name>]';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function main(): void {
  const { values, positionals } = parseArgs({ options: { name: { type: 'string' } }, allowPositionals: true });
  const [stageArg, dirArg] = positionals;
  if (!stageArg || !dirArg || positionals.length > 2 || !/^[1-5]$/.test(stageArg)) {
    console.error(USAGE);
    process.exit(2);
  }
  // `pnpm starter` runs in the repo root; INIT_CWD is where the person typed the command.
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), dirArg);
  try {
    const result = writeStarter({ repoRoot, stage: Number(stageArg), target, name: values.name });
    console.log(`Wrote stage ${result.stage.number} (${result.stage.folder}) to ${result.target} as "${result.name}":`);
    for (const { folder, files, from } of result.folders) {
      console.log(`  ${folder.padEnd(22)} ${String(files).padStart(3)} files from ${from}`);
    }
    console.log(`  ${result.rootFiles.join(', ')}`);
    console.log(`\nNext:\n  cd ${result.target}\n  pnpm install\n  pnpm start    # http://localhost:${3000 + result.stage.number}`);
  } catch (error) {
    if (!(error instanceof StarterError)) throw error;
    console.error(`pnpm starter: ${error.message}`);
    process.exit(1);
  }
}

main();
