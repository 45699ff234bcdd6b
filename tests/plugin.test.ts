/** The plugin object: every rule has its test and doc, configs follow meta.docs, docs URLs resolve. */
import type { JSONSchema4ObjectSchema } from '@typescript-eslint/utils/json-schema';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { REPO_DOCS_URL } from '../src/util/create-rule.js';

const root = path.join(import.meta.dirname, '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''))
  .sort();
const rules = Object.entries(plugin.rules);
/** Boolean options whose names the issues fixed, outside the `check…`/`allow…` convention. */
const ISSUE_NAMED_OPTIONS = new Set(['no-conditional-cleanup.assumeCallsThrow', 'no-conditional-cleanup.autofix']);

describe('plugin', () => {
  it('exports every rule file under its file name', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleFiles);
  });

  it('has meta with the package name, version and namespace', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'leaks' });
  });

  it.each(ruleFiles)('%s has a test file and a doc', (name) => {
    expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
    expect(existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
  });

  it.each(rules)('%s has a docs.url that points at its doc', (name, rule) => {
    const url = rule.meta.docs?.url ?? '';
    expect(url).toBe(`${REPO_DOCS_URL}/${name}.md`);
    expect(existsSync(path.join(root, 'docs/rules', url.slice(REPO_DOCS_URL.length + 1)))).toBe(true);
  });

  it.each(rules)('%s follows the naming conventions', (_name, rule) => {
    const description = rule.meta.docs?.description ?? '';
    expect(description).toMatch(/^(Disallow|Require|Enforce) /);
    expect(description).not.toMatch(/\.$/);
    expect(rule.meta.docs?.requiresTypeChecking).toBe(true);
    for (const [id, message] of Object.entries(rule.meta.messages)) {
      expect(id).toMatch(/^[a-z][a-zA-Z]*$/);
      expect(message).toMatch(/^[`A-Z]/);
      expect(message).toMatch(/\.$/);
      if (id.endsWith('Suggestion')) expect(rule.meta.hasSuggestions).toBe(true);
    }
  });

  it.each(rules)('%s documents every option, each with a description', (name, rule) => {
    const doc = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
    const schemas = (Array.isArray(rule.meta.schema) ? rule.meta.schema : []) as JSONSchema4ObjectSchema[];
    for (const schema of schemas) {
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      for (const [option, spec] of Object.entries(schema.properties ?? {})) {
        expect(spec.description, option).toBeTruthy();
        expect(doc).toContain(`### \`${option}\``);
        if (spec.type === 'boolean' && !ISSUE_NAMED_OPTIONS.has(`${name}.${option}`)) {
          expect(option).toMatch(/^(check|allow)[A-Z]/);
        }
      }
    }
  });
});

describe('configs', () => {
  const level = (name: string): string | undefined =>
    (plugin.rules as Record<string, { meta: { docs?: { recommended?: string } } }>)[name]?.meta.docs?.recommended;
  const enabled = (config: keyof typeof plugin.configs): string[] =>
    Object.keys(plugin.configs[config].rules ?? {})
      .map((id) => id.replace(/^leaks\//, ''))
      .sort();

  it('recommended holds exactly the rules marked recommended', () => {
    expect(enabled('recommended')).toEqual(ruleFiles.filter((name) => level(name) === 'recommended'));
  });

  it('strict holds the recommended and the strict rules', () => {
    expect(enabled('strict')).toEqual(
      ruleFiles.filter((name) => level(name) === 'recommended' || level(name) === 'strict'),
    );
  });

  it('all holds every rule', () => {
    expect(enabled('all')).toEqual(ruleFiles);
  });

  it.each(['recommended', 'strict', 'all'] as const)('%s is named and brings the typed parser', (config) => {
    const value = plugin.configs[config];
    expect(value.name).toBe(`leaks/${config}`);
    expect(value.plugins?.leaks).toBe(plugin);
    expect(value.languageOptions?.parserOptions).toEqual({ projectService: true });
    expect(value.languageOptions?.parser).toBeDefined();
  });
});
