/**
 * The CI gate: the ESLint CLI over a project that installs the packed plugin.
 * Exit codes, `--max-warnings`, SARIF for code-scanning dashboards, the
 * suppressions file for adopting the plugin on an existing codebase, and
 * `--fix` followed by `tsc`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  DOCS,
  findings,
  fixturesDir,
  LEAKY_FINDINGS,
  RECOMMENDED_MJS,
  type Workspace,
} from './workspace.js';

let workspace: Workspace | undefined;

function open(fixture: 'leaky' | 'fixed', config = RECOMMENDED_MJS): Workspace {
  workspace = createWorkspace({ fixtures: [fixture], files: { 'eslint.config.mjs': config } });
  return workspace;
}

afterEach(() => {
  workspace?.remove();
  workspace = undefined;
});

describe('eslint . as a CI gate', () => {
  it('fails on the leaky project with every finding', () => {
    const ws = open('leaky');
    const result = ws.eslint(['.', '-f', 'json']);
    expect(result.stderr).toBe('');
    expect(findings(ws, result.stdout)).toEqual(LEAKY_FINDINGS);
    expect(result.status).toBe(1);
  });

  it('passes on the fixed project', () => {
    const ws = open('fixed');
    const result = ws.eslint(['.']);
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('fails on warnings with --max-warnings 0, and only with it', () => {
    const warnConfig = `import leaks from 'eslint-plugin-leaks';

const recommended = leaks.configs.recommended;
const warn = Object.fromEntries(Object.keys(recommended.rules ?? {}).map((rule) => [rule, 'warn']));
export default [recommended, { rules: warn }];
`;
    const ws = open('leaky', warnConfig);
    const plain = ws.eslint(['.']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('✖ 8 problems (0 errors, 8 warnings)');
    const gated = ws.eslint(['.', '--max-warnings', '0']);
    expect(gated.status).toBe(1);
    expect(gated.stdout + gated.stderr).toContain('ESLint found too many warnings (maximum: 0).');
  });

  it('writes SARIF with our rule ids, messages, locations and doc links', () => {
    const ws = open('leaky');
    const result = ws.eslint(['.', '-f', '@microsoft/eslint-formatter-sarif', '-o', 'leaks.sarif']);
    expect(result.status).toBe(1);
    const sarif = JSON.parse(ws.read('leaks.sarif')) as Sarif;
    const [run] = sarif.runs;
    expect(run?.tool.driver.rules.map((rule) => [rule.id, rule.helpUri])).toEqual([
      ['leaks/no-conditional-cleanup', `${DOCS}/no-conditional-cleanup.md`],
      ['leaks/no-unbounded-cache', `${DOCS}/no-unbounded-cache.md`],
      ['leaks/no-abandoned-race', `${DOCS}/no-abandoned-race.md`],
    ]);
    const results = run?.results ?? [];
    expect(
      results.map((r) => {
        const location = r.locations[0]?.physicalLocation;
        return `${path.basename(location?.artifactLocation.uri ?? '')}:${String(location?.region.startLine)}:${String(location?.region.startColumn)} ${r.ruleId} ${r.level}`;
      }),
    ).toEqual(
      LEAKY_FINDINGS.map((finding) => {
        const [, file = '', line = '', column = '', rule = ''] = /^src\/(.*?):(\d+):(\d+) (\S+)/.exec(finding) ?? [];
        return `${file}:${line}:${column} ${rule} error`;
      }),
    );
    expect(results[3]?.message.text).toBe(
      '`lastSeen` (a module-level Map) gains an entry on every call to `touch()` (line 10) and nothing removes one. Delete entries when they are done, cap its size with eviction, sweep it on a TTL, or use a WeakMap or an LRU cache.',
    );
  });
});

describe('adopting the plugin on an existing codebase', () => {
  it('suppresses today’s findings, catches new ones, and ratchets down', () => {
    const ws = open('leaky');
    const suppress = ws.eslint(['.', '--suppress-all']);
    expect(suppress.status).toBe(0);
    expect(JSON.parse(ws.read('eslint-suppressions.json'))).toEqual({
      'src/fixable.ts': { 'leaks/no-conditional-cleanup': { count: 3 } },
      'src/leaks.ts': {
        'leaks/no-abandoned-race': { count: 2 },
        'leaks/no-conditional-cleanup': { count: 2 },
        'leaks/no-unbounded-cache': { count: 1 },
      },
    });
    expect(ws.eslint(['.']).status).toBe(0);

    // A new leak fails the gate, and only the new leak is reported.
    ws.write(
      'src/new.ts',
      'const seen = new Set<number>();\nexport function mark(): void {\n  seen.add(Date.now());\n}\n',
    );
    const withNew = ws.eslint(['.', '-f', 'json']);
    expect(withNew.status).toBe(1);
    expect(findings(ws, withNew.stdout)).toEqual(['src/new.ts:1:7 leaks/no-unbounded-cache mapNeverShrinks']);
    ws.write('src/new.ts', 'export const none = 0;\n');

    // Fixing old leaks leaves stale suppressions: ESLint asks to prune them, and pruning ratchets the file down.
    ws.write('src/fixable.ts', readFileSync(path.join(fixturesDir, 'fixed', 'src', 'fixable.ts'), 'utf8'));
    const stale = ws.eslint(['.']);
    expect(stale.status).toBe(2);
    expect(stale.stderr).toContain('There are suppressions left that do not occur anymore.');
    expect(ws.eslint(['.', '--prune-suppressions']).status).toBe(0);
    expect(JSON.parse(ws.read('eslint-suppressions.json'))).toEqual({
      'src/leaks.ts': {
        'leaks/no-abandoned-race': { count: 2 },
        'leaks/no-conditional-cleanup': { count: 2 },
        'leaks/no-unbounded-cache': { count: 1 },
      },
    });
    expect(ws.eslint(['.'])).toMatchObject({ status: 0, stderr: '' });
  });
});

describe('eslint --fix', () => {
  it('applies every fix, the result type-checks, and a second pass changes nothing', () => {
    const ws = open('leaky');
    expect(ws.tsc()).toMatchObject({ status: 0 });
    const fixed = ws.eslint(['.', '--fix', '-f', 'json']);
    expect(fixed.status).toBe(1);
    // The fixable problems are gone; what is left needs a human (suggestions only).
    expect(findings(ws, fixed.stdout)).toEqual([
      'src/leaks.ts:7:7 leaks/no-unbounded-cache mapNeverShrinks',
      'src/leaks.ts:37:5 leaks/no-conditional-cleanup cleanupSkippedOnSomePaths',
      'src/leaks.ts:45:10 leaks/no-abandoned-race timerNeverCleared',
      'src/leaks.ts:45:10 leaks/no-abandoned-race signalNotPassed',
    ]);
    expect(ws.read('src/fixable.ts')).toBe(readFileSync(path.join(fixturesDir, 'fixed', 'src', 'fixable.ts'), 'utf8'));
    expect(ws.read('src/leaks.ts')).toContain(
      '  const heartbeat = setInterval(() => undefined, ms);\n  try {\n    await flush();\n  } finally {\n    clearInterval(heartbeat);\n  }\n}\n',
    );
    expect(ws.tsc()).toMatchObject({ status: 0, stdout: '' });

    const before = { fixable: ws.read('src/fixable.ts'), leaks: ws.read('src/leaks.ts') };
    ws.eslint(['.', '--fix']);
    expect({ fixable: ws.read('src/fixable.ts'), leaks: ws.read('src/leaks.ts') }).toEqual(before);
  });
});

interface Sarif {
  runs: {
    tool: { driver: { rules: { id: string; helpUri?: string }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
      }[];
    }[];
  }[];
}
