/** Without type information every rule fails with typescript-eslint's standard error, on any file. */
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const codes = ['', 'export const x = 1;\n', 'const m = new Map<string, number>();\nexport function f(k: string) { m.set(k, 1); }\n'];

describe.each(Object.keys(plugin.rules))('%s without type information', (name) => {
  it.each(codes)('reports the standard error for %j', (code) => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        plugins: { leaks: plugin.configs.all.plugins?.leaks ?? {} },
        languageOptions: { parser: tseslint.parser },
        rules: { [`leaks/${name}`]: 'error' },
      },
    ];
    expect(() => linter.verify(code, config, 'file.ts')).toThrow(
      /You have used a rule which requires type information, but don't have parserOptions set to generate type information/,
    );
  });
});
