import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import { ESLintUtils } from '@typescript-eslint/utils';
import { UNTYPED_CONFIG_FILE } from '../parser.js';

/**
 * The parser services with a program, or `undefined` on ESLint's own config
 * file, which the configs' parser leaves without type information on purpose
 * (see `src/parser.ts`). Any other file without type information gets
 * typescript-eslint's standard error.
 */
export function typedServices(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
): ParserServicesWithTypeInformation | undefined {
  const services = context.sourceCode.parserServices as Record<string, unknown> | undefined;
  if (services?.[UNTYPED_CONFIG_FILE] === true && services.program == null) return undefined;
  return ESLintUtils.getParserServices(context);
}
