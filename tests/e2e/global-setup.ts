/**
 * Builds the package and packs it once for the whole test run: the end-to-end
 * tests install this tarball, never a path into `src/`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the `npm pack` tarball of this package. */
    tarball: string;
  }
}

const root = path.join(import.meta.dirname, '..', '..');

export default function setup(project: TestProject): () => void {
  const packDir = mkdtempSync(path.join(os.tmpdir(), 'leaks-pack-'));
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
    },
  );
  const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [packed] = JSON.parse(output) as [{ filename: string }];
  project.provide('tarball', path.join(packDir, packed.filename));
  return () => {
    rmSync(packDir, { recursive: true, force: true });
  };
}
