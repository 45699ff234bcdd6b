import type { TSESLint } from '@typescript-eslint/utils';
import path from 'node:path';
import tseslint from 'typescript-eslint';

/**
 * The parser the configs bring: typescript-eslint's, except on ESLint's own
 * config file. That file is matched by the configs (so that the plugin is
 * registered there, and a user's `{ rules: { 'leaks/…': 'warn' } }`, which has
 * no `files`, does not fail with "could not find plugin"), but it is usually
 * outside every tsconfig, and never where a leak lives. It is parsed without
 * type information, and marked so that the rules skip it instead of failing
 * with typescript-eslint's "requires type information" error.
 */

/** ESLint's own config file names (ESLint 9 and 10). */
const ESLINT_CONFIG_FILE = /^eslint\.config\.[cm]?[jt]s$/;

/** Set on the parser services of a file this parser left without type information on purpose. */
export const UNTYPED_CONFIG_FILE = 'leaksUntypedConfigFile';

interface ParseResult {
  ast: unknown;
  services?: Record<string, unknown>;
  scopeManager?: unknown;
  visitorKeys?: unknown;
}

type ParseForESLint = (code: string, options?: Record<string, unknown>) => ParseResult;

const parseWithTypes: ParseForESLint = (code, options) =>
  (tseslint.parser.parseForESLint as ParseForESLint)(code, options);

export function createParser(version: string): TSESLint.Parser.LooseParserModule {
  return {
    meta: { name: 'eslint-plugin-leaks/parser', version },
    parseForESLint(code: string, options?: Record<string, unknown>) {
      const filePath = typeof options?.filePath === 'string' ? options.filePath : '';
      if (!ESLINT_CONFIG_FILE.test(path.basename(filePath))) return parseWithTypes(code, options);
      const result = parseWithTypes(code, { ...options, project: null, projectService: false, programs: null });
      return { ...result, services: { ...result.services, [UNTYPED_CONFIG_FILE]: true } };
    },
  };
}
