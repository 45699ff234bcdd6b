/**
 * Without type information every rule fails with typescript-eslint's standard
 * error, which names the rule and says how to enable typed linting, on any file,
 * with the typescript-eslint parser or with ESLint's default one.
 */
import { Linter } from 'eslint';
import os from 'node:os';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const codes = [
  '',
  'export const x = 1;\n',
  'const m = new Map<string, number>();\nexport function f(k: string) { m.set(k, 1); }\n',
];

const standardError = (name: string) =>
  new RegExp(
    `^Error while loading rule 'leaks/${name}': You have used a rule which requires type information, ` +
      `but don't have parserOptions set to generate type information for this file\\. ` +
      `See https://tseslint\\.com/typed-linting for enabling linting with type information\\.`,
  );

describe.each(Object.keys(plugin.rules))('%s without type information', (name) => {
  const plugins = { leaks: plugin.configs.all.plugins?.leaks ?? {} };

  it.each(codes)('reports the standard error for %j', (code) => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        plugins,
        languageOptions: { parser: tseslint.parser },
        rules: { [`leaks/${name}`]: 'error' },
      },
    ];
    expect(() => linter.verify(code, config, 'file.ts')).toThrow(standardError(name));
  });

  it("reports it under ESLint's default parser too, with the parser hint", () => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [{ plugins, rules: { [`leaks/${name}`]: 'error' } }];
    const run = () => linter.verify('const m = new Map();\nm.set(1, 2);\n', config, 'file.js');
    expect(run).toThrow(standardError(name));
    expect(run).toThrow(
      /Make sure the parser is configured to forward "parserOptions\.project" to @typescript-eslint\/parser/,
    );
  });
});

describe("the configs' parser on ESLint's own config file", () => {
  const project = path.join(os.tmpdir(), 'leaks-untyped-project');
  const code =
    "import leaks from 'eslint-plugin-leaks';\nconst m = new Map();\nexport function f(k) { m.set(k, 1); }\nexport default [leaks.configs.all];\n";

  it.each([
    'eslint.config.js',
    'eslint.config.mjs',
    'eslint.config.cjs',
    'eslint.config.ts',
    'eslint.config.mts',
    'eslint.config.cts',
  ])('parses %s without type information, and every rule skips it', (file) => {
    const linter = new Linter({ configType: 'flat', cwd: project });
    const enableAll: Linter.Config = {
      rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`leaks/${name}`, 'error' as const])),
    };
    expect(linter.verify(code, [plugin.configs.all, enableAll], path.join(project, file))).toEqual([]);
  });

  it('leaves any other file to typed parsing, which names a file no tsconfig includes', () => {
    const linter = new Linter({ configType: 'flat', cwd: project });
    const file = path.join(project, 'eslint.config.helper.mjs');
    const [message] = linter.verify(code, [plugin.configs.all], file);
    expect(message?.fatal).toBe(true);
    expect(message?.message).toContain('was not found by the project service');
  });
});
