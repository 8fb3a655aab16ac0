import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root: scripts/lib/ is two levels below it. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Stage {
  number: number;
  folder: string;
  dir: string;
  packageName: string;
}

/** The stage folders that exist (stage-1-personal …), in journey order. */
export function listStages(): Stage[] {
  return readdirSync(ROOT)
    .filter((name) => /^stage-\d+-/.test(name))
    .map((folder) => {
      const dir = join(ROOT, folder);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string };
      return { number: Number(folder.split('-')[1]), folder, dir, packageName: pkg.name };
    })
    .sort((a, b) => a.number - b.number);
}
