/**
 * The built package, loaded by name the way users load it: from an ESM
 * `eslint.config.mjs` with `import` and from a CommonJS `eslint.config.cjs`
 * with `require`, through the real ESLint CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
let project = '';

const leaky = `const seen = new Set<string>();
export function handle(id: string): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}
`;

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist', 'index.js'))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
    });
  }
  project = mkdtempSync(path.join(os.tmpdir(), 'leaks-package-'));
  mkdirSync(path.join(project, 'node_modules'));
  symlinkSync(root, path.join(project, 'node_modules', 'eslint-plugin-leaks'), 'dir');
  mkdirSync(path.join(project, 'src'));
  writeFileSync(path.join(project, 'src', 'handler.ts'), leaky);
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', noEmit: true }, include: ['src'] }),
  );
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

function lintWith(configName: string, config: string): { status: number | null; stdout: string; stderr: string } {
  writeFileSync(path.join(project, configName), config);
  const result = spawnSync(process.execPath, [eslintBin, '--config', configName, 'src'], { cwd: project, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the package', () => {
  it('loads from an ESM eslint.config.mjs and reports', () => {
    const result = lintWith(
      'eslint.config.mjs',
      "import leaks from 'eslint-plugin-leaks';\nexport default [leaks.configs.recommended];\n",
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1:7  error  `seen` (a module-level Set) gains an entry on every call to `handle()` (line 4)');
    expect(result.stdout).toContain('leaks/no-unbounded-cache');
    expect(result.status).toBe(1);
  });

  it('loads from a CommonJS eslint.config.cjs and reports', () => {
    const result = lintWith(
      'eslint.config.cjs',
      "const leaks = require('eslint-plugin-leaks');\nmodule.exports = [leaks.configs.recommended];\n",
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('leaks/no-unbounded-cache');
    expect(result.status).toBe(1);
  });
});
