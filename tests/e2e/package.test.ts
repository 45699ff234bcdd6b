/**
 * The published artifact: what `npm pack` puts in the tarball, what publint
 * and arethetypeswrong say about it, and a real `npm install` of it into a
 * clean folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { rules } from '../../src/index.js';
import { fixturesDir, RECOMMENDED_MJS, repoRoot } from './workspace.js';

const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);

describe('the packed package', () => {
  it('holds only dist/, the docs, README, LICENSE and package.json', () => {
    const entries = execFileSync('tar', ['-tzf', inject('tarball')], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((entry) => entry.replace(/^package\//, ''));
    expect(entries.filter((entry) => !/^(dist\/.+\.(js|d\.ts)|docs\/.+\.md|README\.md|LICENSE|package\.json)$/.test(entry))).toEqual([]);
    expect(entries).toContain('dist/index.js');
    expect(entries).toContain('dist/index.d.ts');
    for (const rule of Object.keys(rules)) expect(entries).toContain(`docs/rules/${rule}.md`);
    const sources = readdirSync(path.join(repoRoot, 'src', 'rules')).length;
    expect(entries.filter((entry) => entry.startsWith('dist/rules/') && entry.endsWith('.js'))).toHaveLength(sources);
  });

  it('passes publint --strict', () => {
    const result = spawnSync(bin('publint'), ['run', inject('tarball'), '--strict'], { encoding: 'utf8' });
    expect(result.stdout).toContain('All good!');
    expect(result.status).toBe(0);
  });

  it('passes arethetypeswrong for an ESM-only package', () => {
    // `esm-only` ignores node10 and the CommonJS view of types; Node >= 20.19
    // loads the package from CommonJS through require(esm), tested below.
    const result = spawnSync(bin('attw'), ['--profile', 'esm-only', '--format', 'json', inject('tarball')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[] }; problems?: unknown[] };
    const problems = (report.analysis.problems as { kind: string; resolutionKind?: string }[]).filter(
      (problem) => problem.resolutionKind !== 'node10' && problem.resolutionKind !== 'node16-cjs',
    );
    expect(problems).toEqual([]);
  });

  it('installs with npm into a clean folder and lints from ESM and CommonJS configs', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'leaks-install-'));
    try {
      cpSync(path.join(fixturesDir, 'leaky'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'package.json'), '{ "name": "leaky-service", "private": true }\n');
      const own = JSON.parse(execFileSync('npm', ['pkg', 'get', 'devDependencies', '--json'], { cwd: repoRoot, encoding: 'utf8' })) as Record<
        string,
        string
      >;
      const install = spawnSync(
        'npm',
        [
          'install',
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--save-dev',
          inject('tarball'),
          `eslint@${own.eslint ?? ''}`,
          `typescript@${own.typescript ?? ''}`,
          `typescript-eslint@${own['typescript-eslint'] ?? ''}`,
          `@types/node@${own['@types/node'] ?? ''}`,
        ],
        { cwd: dir, encoding: 'utf8', timeout: 300_000 },
      );
      expect(install.stderr).not.toMatch(/ERESOLVE|peer dep/i);
      expect(install.status).toBe(0);
      const eslint = path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
      for (const [file, text] of [
        ['eslint.config.mjs', RECOMMENDED_MJS],
        ['eslint.config.cjs', "const leaks = require('eslint-plugin-leaks');\n\nmodule.exports = [leaks.configs.recommended];\n"],
      ] as const) {
        writeFileSync(path.join(dir, file), text);
        const result = spawnSync(process.execPath, [eslint, '--config', file, 'src'], { cwd: dir, encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain('✖ 8 problems (8 errors, 0 warnings)');
        expect(result.status).toBe(1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
