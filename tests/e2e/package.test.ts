/**
 * The published artifact: what `npm pack` puts in the tarball, and what
 * publint and arethetypeswrong say about it. `versions.test.ts` installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { rules } from '../../src/index.js';
import { repoRoot } from './workspace.js';

const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);

describe('the packed package', () => {
  it('holds only dist/, the docs, README, LICENSE and package.json', () => {
    const entries = execFileSync('tar', ['-tzf', inject('tarball')], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((entry) => entry.replace(/^package\//, ''));
    expect(
      entries.filter(
        (entry) =>
          !/^(dist\/.+\.(js|d\.ts)|dist\/index\.(cjs|d\.cts)|docs\/.+\.md|README\.md|LICENSE|package\.json)$/.test(
            entry,
          ),
      ),
    ).toEqual([]);
    expect(entries).toContain('dist/index.js');
    expect(entries).toContain('dist/index.d.ts');
    expect(entries).toContain('dist/index.cjs');
    expect(entries).toContain('dist/index.d.cts');
    for (const rule of Object.keys(rules)) expect(entries).toContain(`docs/rules/${rule}.md`);
    const sources = readdirSync(path.join(repoRoot, 'src', 'rules')).length;
    expect(entries.filter((entry) => entry.startsWith('dist/rules/') && entry.endsWith('.js'))).toHaveLength(sources);
  });

  it('passes publint --strict', () => {
    const result = spawnSync(bin('publint'), ['run', inject('tarball'), '--strict'], { encoding: 'utf8' });
    expect(result.stdout).toContain('All good!');
    expect(result.status).toBe(0);
  });

  it("passes arethetypeswrong's default profile: node10, CommonJS and ESM under node16, and bundlers", () => {
    const result = spawnSync(bin('attw'), ['--format', 'json', inject('tarball')], { encoding: 'utf8' });
    const report = JSON.parse(result.stdout) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
    expect(result.status).toBe(0);
  });
});
