/**
 * The compatibility matrix: both ESLint majors and every config file format,
 * `--concurrency` and `--cache`, JavaScript projects, and the errors a user
 * sees for a missing tsconfig or a misspelt option.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspace, findings, LEAKY_FINDINGS, RECOMMENDED_MJS, repoRoot, type Workspace } from './workspace.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

const CONFIGS: Record<string, Record<string, string>> = {
  'eslint.config.js (ESM package)': {
    'package.json': '{ "private": true, "type": "module" }\n',
    'eslint.config.js': RECOMMENDED_MJS,
  },
  'eslint.config.mjs': { 'eslint.config.mjs': RECOMMENDED_MJS },
  'eslint.config.cjs': {
    'eslint.config.cjs':
      "const leaks = require('eslint-plugin-leaks');\n\nmodule.exports = [leaks.configs.recommended];\n",
  },
  'eslint.config.ts': {
    'eslint.config.ts': `import { defineConfig } from 'eslint/config';
import leaks from 'eslint-plugin-leaks';

// The configs are typed: a name that does not exist is a type error.
// @ts-expect-error -- there is no "loose" config
export const loose = leaks.configs.loose;

export default defineConfig(leaks.configs.recommended);
`,
    'tsconfig.config.json':
      '{ "extends": "./tsconfig.json", "compilerOptions": { "noUnusedLocals": true }, "include": ["eslint.config.ts"] }\n',
  },
};

let workspace: Workspace | undefined;

function open(fixtures: string[], files: Record<string, string>, eslint: 9 | 10 = 10): Workspace {
  workspace = createWorkspace({ fixtures, files, eslint });
  return workspace;
}

afterEach(() => {
  workspace?.remove();
  workspace = undefined;
});

describe.each([9, 10] as const)('ESLint %i', (major) => {
  it.each(Object.keys(CONFIGS))('loads the plugin from %s and reports every leak', (format) => {
    const ws = open(['leaky'], CONFIGS[format] ?? {}, major);
    const version = ws.eslint(['--version']);
    expect(version.stdout).toMatch(new RegExp(`^v${String(major)}\\.`));
    const result = ws.eslint(['src', '-f', 'json']);
    expect(result.stderr).toBe('');
    expect(findings(ws, result.stdout)).toEqual(LEAKY_FINDINGS);
    expect(result.status).toBe(1);
    if (format === 'eslint.config.ts') {
      // The config file itself type-checks against this ESLint's types, and the
      // `@ts-expect-error` above is needed: the configs are not `any`.
      const tsc = ws.tsc();
      expect(tsc.status).toBe(0);
      const configCheck = ws.run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.config.json']);
      expect(configCheck).toMatchObject({ status: 0, stdout: '' });
    }
  });
});

/** The README's example of turning rules to warn, off and on: tested here as written there. */
const CUSTOMISED = `import leaks from 'eslint-plugin-leaks';

export default [
  leaks.configs.recommended,
  {
    rules: {
      'leaks/no-unbounded-cache': 'warn', // report, but do not fail the build
      'leaks/no-abandoned-race': 'off',
      'leaks/no-leaked-timer': 'error', // a rule only all turns on
    },
  },
];
`;

describe.each([9, 10] as const)('customising a config (ESLint %i)', (major) => {
  it('turns rules to warn, off and on with a rules-only object after the config, as the README shows', () => {
    expect(readme).toContain(CUSTOMISED);
    const ws = open(
      ['leaky'],
      {
        'eslint.config.mjs': CUSTOMISED,
        'src/poll.ts': 'export function poll(tick: () => void): void {\n  setInterval(tick, 1000);\n}\n',
      },
      major,
    );
    // `.` lints eslint.config.mjs too: the rules apply to it and skip it, as it has no type information.
    const result = ws.eslint(['.', '-f', 'json']);
    expect(result.stderr).toBe('');
    expect(findings(ws, result.stdout)).toEqual([
      ...LEAKY_FINDINGS.filter((finding) => !finding.includes('no-abandoned-race')),
      'src/poll.ts:2:3 leaks/no-leaked-timer intervalNeverCleared',
    ]);
    const results = JSON.parse(result.stdout) as { messages: { ruleId: string; severity: number }[] }[];
    const severities = new Set(
      results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'leaks/no-unbounded-cache').map((m) => m.severity)),
    );
    expect([...severities]).toEqual([1]);
    expect(result.status).toBe(1);
  });
});

describe('files that no tsconfig includes', () => {
  /** The README's example for them, tested as written there. */
  const OUTSIDE = `import leaks from 'eslint-plugin-leaks';

export default [
  { ignores: ['dist/'] },
  leaks.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.config.mjs', 'scripts/*.ts'] } },
    },
  },
];
`;
  const files = {
    'vite.config.mjs': "export default { root: 'src' };\n",
    'scripts/seed.ts':
      'const seen = new Map<number, string>();\nexport function mark(id: string): void {\n  seen.set(Date.now(), id);\n}\n',
    'dist/leaks.js': 'export const built = true;\n',
  };

  it('get a parsing error that names the file and says how to include it', () => {
    const ws = open(['fixed'], { ...files, 'eslint.config.mjs': RECOMMENDED_MJS });
    const result = ws.eslint(['.', '-f', 'json']);
    expect(result.stderr).toBe('');
    const fatal = (
      JSON.parse(result.stdout) as { filePath: string; messages: { fatal?: boolean; message: string }[] }[]
    )
      .filter((r) => r.messages.some((m) => m.fatal))
      .map((r) => [path.relative(ws.dir, r.filePath), r.messages[0]?.message.replace(ws.dir + '/', '')]);
    expect(fatal).toEqual(
      ['dist/leaks.js', 'scripts/seed.ts', 'vite.config.mjs'].map((file) => [
        file,
        `Parsing error: ${file} was not found by the project service. Consider either including it in the tsconfig.json or including it in allowDefaultProject.`,
      ]),
    );
    expect(result.status).toBe(1);
  });

  it("are ignored or linted with TypeScript's default project, as the README shows", () => {
    expect(readme).toContain(OUTSIDE);
    const ws = open(['fixed'], { ...files, 'eslint.config.mjs': OUTSIDE });
    const result = ws.eslint(['.', '-f', 'json']);
    expect(result.stderr).toBe('');
    expect(findings(ws, result.stdout)).toEqual(['scripts/seed.ts:1:7 leaks/no-unbounded-cache mapNeverShrinks']);
    expect(result.status).toBe(1);
  });
});

describe('ESLint 10 run options', () => {
  it('gives the same findings with --concurrency and --cache as a plain run', () => {
    const ws = open(['leaky'], { 'eslint.config.mjs': RECOMMENDED_MJS });
    const plain = findings(ws, ws.eslint(['src', '-f', 'json']).stdout);
    expect(plain).toEqual(LEAKY_FINDINGS);
    expect(findings(ws, ws.eslint(['src', '-f', 'json', '--concurrency', 'auto']).stdout)).toEqual(plain);
    expect(findings(ws, ws.eslint(['src', '-f', 'json', '--concurrency', '2']).stdout)).toEqual(plain);
    const cold = ws.eslint(['src', '-f', 'json', '--cache', '--cache-location', '.eslintcache']);
    expect(findings(ws, cold.stdout)).toEqual(plain);
    expect(ws.read('.eslintcache')).toContain('leaks/no-unbounded-cache');
    const warm = ws.eslint(['src', '-f', 'json', '--cache', '--cache-location', '.eslintcache']);
    expect(findings(ws, warm.stdout)).toEqual(plain);
  });
});

describe('JavaScript projects', () => {
  it('reports in .js files type-checked through allowJs and checkJs', () => {
    const ws = open(['js'], { 'eslint.config.mjs': RECOMMENDED_MJS });
    const result = ws.eslint(['.', '-f', 'json']);
    expect(findings(ws, result.stdout)).toEqual([
      'src/sessions.js:4:7 leaks/no-unbounded-cache mapNeverShrinks',
      'src/sessions.js:26:3 leaks/no-conditional-cleanup cleanupSkippedOnThrow',
    ]);
    expect(result.status).toBe(1);
  });
});

describe('errors a user can act on', () => {
  it('names the tsconfig to set up when no tsconfig reaches a file, without a stack trace', () => {
    const ws = open(['leaky'], { 'eslint.config.mjs': RECOMMENDED_MJS });
    ws.removeFile('tsconfig.json');
    const result = ws.eslint(['src/leaks.ts']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      `0:0  error  Parsing error: ${ws.dir}/src/leaks.ts was not found by the project service. Consider either including it in the tsconfig.json or including it in allowDefaultProject`,
    );
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });

  it('lints a config file at the root that no tsconfig includes', () => {
    const ws = open(['fixed'], { 'eslint.config.mjs': RECOMMENDED_MJS });
    expect(ws.eslint(['.'])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('rejects a misspelt option with ESLint’s schema message naming it and the valid ones', () => {
    const config = `import leaks from 'eslint-plugin-leaks';

export default [
  leaks.configs.recommended,
  { rules: { 'leaks/no-unbounded-cache': ['error', { checkArray: true }] } },
];
`;
    const ws = open(['leaky'], { 'eslint.config.mjs': config });
    const result = ws.eslint(['src']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Key "rules": Key "leaks/no-unbounded-cache":');
    expect(result.stderr).toContain(
      'Unexpected property "checkArray". Expected properties: "allow", "checkArrays", "checkClosures", "checkEscaped", "checkObjects", "checkUntraced".',
    );
  });

  it('rejects an option of the wrong type with ESLint’s schema message', () => {
    const config = `import leaks from 'eslint-plugin-leaks';

export default [
  leaks.configs.recommended,
  { rules: { 'leaks/no-abandoned-race': ['error', { checkUncancellableWork: 'yes' }] } },
];
`;
    const ws = open(['leaky'], { 'eslint.config.mjs': config });
    const result = ws.eslint(['src']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Key "rules": Key "leaks/no-abandoned-race":\n\tValue "yes" should be boolean.');
  });
});
