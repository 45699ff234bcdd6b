/**
 * The lowest and the highest versions of ESLint, TypeScript and
 * typescript-eslint that the peer ranges promise, each installed with npm into
 * a clean folder next to the packed plugin, the way a user installs them; the
 * plugin then lints from ESM and CommonJS configs, and `require` gives the
 * same plugin object as `import`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, inject, it } from 'vitest';
import { fixturesDir, RECOMMENDED_MJS, repoRoot } from './workspace.js';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const own = manifest.devDependencies;

type Toolchain = Record<'eslint' | 'typescript' | 'typescript-eslint' | '@types/node', string>;

/** The oldest releases the peer ranges admit (the last patch of TypeScript's lowest minor). */
const LOWEST: Toolchain = {
  eslint: '9.0.0',
  typescript: '5.4.5',
  'typescript-eslint': '8.0.0',
  '@types/node': own['@types/node'] ?? '',
};

/** The newest: what this repository develops and tests with. */
const HIGHEST: Toolchain = {
  eslint: own.eslint ?? '',
  typescript: own.typescript ?? '',
  'typescript-eslint': own['typescript-eslint'] ?? '',
  '@types/node': own['@types/node'] ?? '',
};

describe('the tested toolchains', () => {
  it.each(['eslint', 'typescript', 'typescript-eslint'] as const)(
    'the lowest %s is the bottom of its peer range',
    (name) => {
      const range = manifest.peerDependencies[name] ?? '';
      const floor = semver.minVersion(range);
      expect(semver.satisfies(LOWEST[name], range)).toBe(true);
      expect(`${String(semver.major(LOWEST[name]))}.${String(semver.minor(LOWEST[name]))}`).toBe(
        `${String(floor?.major)}.${String(floor?.minor)}`,
      );
    },
  );

  it.each(['eslint', 'typescript', 'typescript-eslint'] as const)('the highest %s is in its peer range', (name) => {
    expect(semver.satisfies(HIGHEST[name], manifest.peerDependencies[name] ?? '')).toBe(true);
  });
});

describe.each([
  ['lowest', LOWEST],
  ['highest', HIGHEST],
] as const)('the %s supported versions', (_label, toolchain) => {
  it(`install with npm without a peer warning and lint from ESM and CommonJS configs (${Object.entries(toolchain)
    .map(([name, version]) => `${name}@${version}`)
    .join(', ')})`, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'leaks-install-'));
    try {
      cpSync(path.join(fixturesDir, 'leaky'), dir, { recursive: true });
      writeFileSync(path.join(dir, 'package.json'), '{ "name": "leaky-service", "private": true }\n');
      const install = spawnSync(
        'npm',
        [
          'install',
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--save-dev',
          inject('tarball'),
          ...Object.entries(toolchain).map(([name, version]) => `${name}@${version}`),
        ],
        { cwd: dir, encoding: 'utf8', timeout: 300_000 },
      );
      expect(install.stderr).not.toMatch(/ERESOLVE|peer dep/i);
      expect(install.status).toBe(0);
      const installed = (name: string): string =>
        (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
          .version;
      expect(installed('eslint')).toBe(toolchain.eslint);
      expect(installed('typescript')).toBe(toolchain.typescript);
      expect(installed('typescript-eslint')).toBe(toolchain['typescript-eslint']);

      const eslint = path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
      for (const [file, text] of [
        ['eslint.config.mjs', RECOMMENDED_MJS],
        [
          'eslint.config.cjs',
          "const leaks = require('eslint-plugin-leaks');\n\nmodule.exports = [leaks.configs.recommended];\n",
        ],
      ] as const) {
        writeFileSync(path.join(dir, file), text);
        const result = spawnSync(process.execPath, [eslint, '--config', file, 'src'], { cwd: dir, encoding: 'utf8' });
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain('✖ 8 problems (8 errors, 0 warnings)');
        expect(result.status).toBe(1);
      }

      const same = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import { createRequire } from 'node:module';\n" +
            "const required = createRequire(process.cwd() + '/')('eslint-plugin-leaks');\n" +
            "const imported = (await import('eslint-plugin-leaks')).default;\n" +
            'console.log(required === imported, Object.keys(required).join());',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(same).toBe('true meta,rules,configs\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
