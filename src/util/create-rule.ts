import { ESLintUtils } from '@typescript-eslint/utils';

/** Which shipped config first turns a rule on. */
export type RecommendedLevel = 'recommended' | 'strict';

export interface LeaksRuleDocs {
  /** The first config that enables the rule; `all` enables every rule. */
  recommended?: RecommendedLevel;
  /** Every rule of this plugin needs type information. */
  requiresTypeChecking: true;
}

export const REPO_DOCS_URL = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks/blob/main/docs/rules';

export const createRule = ESLintUtils.RuleCreator<LeaksRuleDocs>((name) => `${REPO_DOCS_URL}/${name}.md`);
