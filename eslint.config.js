// Lints the plugin's own code: typescript-eslint's strict type-checked rules,
// and eslint-plugin-eslint-plugin's rules for rule modules.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'coverage/', 'examples/', 'tests/cases/', 'tests/fixtures/', 'tests/e2e/fixtures/', 'bench/corpus/', 'bench/.work/', 'node_modules/', '.demo-fix-*/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/rules/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
