import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';
import { createRequire } from 'node:module';
import noAbandonedRace from './rules/no-abandoned-race.js';
import noConditionalCleanup from './rules/no-conditional-cleanup.js';
import noLeakedListener from './rules/no-leaked-listener.js';
import noLeakedTimer from './rules/no-leaked-timer.js';
import noUnboundedCache from './rules/no-unbounded-cache.js';
import noUnstoppableLoop from './rules/no-unstoppable-loop.js';
import noUnsettledPromise from './rules/no-unsettled-promise.js';
import { createParser } from './parser.js';
import type { LeaksRuleDocs } from './util/create-rule.js';

const require = createRequire(import.meta.url);
const { name, version } = require('../package.json') as { name: string; version: string };

/**
 * Typed parsing for every file the configs match, ESLint's own config file
 * included: there the plugin is registered too, but the file is parsed without
 * type information and the rules skip it (see `src/parser.ts`).
 */
const parser = createParser(version);

type LeaksRule = TSESLint.RuleModule<string, readonly unknown[], LeaksRuleDocs>;

export const rules = {
  'no-abandoned-race': noAbandonedRace,
  'no-conditional-cleanup': noConditionalCleanup,
  'no-leaked-listener': noLeakedListener,
  'no-leaked-timer': noLeakedTimer,
  'no-unbounded-cache': noUnboundedCache,
  'no-unstoppable-loop': noUnstoppableLoop,
  'no-unsettled-promise': noUnsettledPromise,
} satisfies Record<string, LeaksRule>;

export type RuleName = keyof typeof rules;

type ConfigName = 'recommended' | 'strict' | 'all';

/** Options each config passes to a rule where they differ from the rule's defaults. */
const configOptions: Partial<Record<ConfigName, Partial<Record<RuleName, unknown[]>>>> = {
  strict: {
    'no-unbounded-cache': [{ checkClosures: true }],
  },
  all: {
    'no-abandoned-race': [{ checkUncancellableWork: true }],
    'no-conditional-cleanup': [{ assumeCallsThrow: true }],
    'no-unbounded-cache': [{ checkObjects: true, checkArrays: true, checkClosures: true, checkUntraced: true }],
  },
};

const levels = { recommended: ['recommended'], strict: ['recommended', 'strict'] } as const;

function buildConfig(configName: ConfigName): Linter.Config {
  const ruleEntries: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(rules) as [RuleName, LeaksRule][]) {
    const level = rule.meta.docs?.recommended;
    const enabled =
      configName === 'all' || (level !== undefined && (levels[configName] as readonly string[]).includes(level));
    if (!enabled) continue;
    const options = configOptions[configName]?.[ruleName];
    ruleEntries[`leaks/${ruleName}`] = options ? ['error', ...options] : 'error';
  }
  return {
    name: `leaks/${configName}`,
    files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    plugins: { leaks: plugin as unknown as ESLint.Plugin },
    languageOptions: {
      parser,
      parserOptions: { projectService: true },
    },
    rules: ruleEntries,
  };
}

const plugin = {
  meta: { name, version, namespace: 'leaks' },
  rules,
  configs: {} as Record<ConfigName, Linter.Config>,
};

plugin.configs.recommended = buildConfig('recommended');
plugin.configs.strict = buildConfig('strict');
plugin.configs.all = buildConfig('all');

export const configs = plugin.configs;
export const meta = plugin.meta;
export default plugin;
