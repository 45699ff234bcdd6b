/**
 * Without type information every rule fails with typescript-eslint's standard
 * error, which names the rule and says how to enable typed linting, on any file,
 * with the typescript-eslint parser or with ESLint's default one.
 */
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const codes = ['', 'export const x = 1;\n', 'const m = new Map<string, number>();\nexport function f(k: string) { m.set(k, 1); }\n'];

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
      { files: ['**/*.ts'], plugins, languageOptions: { parser: tseslint.parser }, rules: { [`leaks/${name}`]: 'error' } },
    ];
    expect(() => linter.verify(code, config, 'file.ts')).toThrow(standardError(name));
  });

  it("reports it under ESLint's default parser too, with the parser hint", () => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [{ plugins, rules: { [`leaks/${name}`]: 'error' } }];
    const run = () => linter.verify('const m = new Map();\nm.set(1, 2);\n', config, 'file.js');
    expect(run).toThrow(standardError(name));
    expect(run).toThrow(/Make sure the parser is configured to forward "parserOptions\.project" to @typescript-eslint\/parser/);
  });
});
