/** The plugin object: every rule has its test and doc, configs follow meta.docs, docs URLs resolve. */
import type { JSONSchema4ObjectSchema } from '@typescript-eslint/utils/json-schema';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
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

  it('strict leaves the options that cried wolf on real code to all', () => {
    expect(plugin.configs.strict.rules?.['leaks/no-abandoned-race']).toBe('error');
    expect(plugin.configs.strict.rules?.['leaks/no-conditional-cleanup']).toBe('error');
    expect(plugin.configs.all.rules?.['leaks/no-abandoned-race']).toEqual(['error', { checkUncancellableWork: true }]);
    expect(plugin.configs.all.rules?.['leaks/no-conditional-cleanup']).toEqual(['error', { assumeCallsThrow: true }]);
    expect(plugin.configs.strict.rules?.['leaks/no-leaked-timer']).toBeUndefined();
    expect(plugin.configs.all.rules?.['leaks/no-leaked-timer']).toBe('error');
  });

  it("strict leaves no-unbounded-cache's objects, arrays and untraced growth to all", () => {
    expect(plugin.configs.strict.rules?.['leaks/no-unbounded-cache']).toEqual(['error', { checkClosures: true }]);
    expect(plugin.configs.all.rules?.['leaks/no-unbounded-cache']).toEqual([
      'error',
      { checkObjects: true, checkArrays: true, checkClosures: true, checkUntraced: true },
    ]);
  });

  it.each(['recommended', 'strict', 'all'] as const)(
    '%s is one object: named, for source files and ESLint config files, with the plugin and its typed parser',
    (config) => {
      const value = plugin.configs[config];
      expect(value.name).toBe(`leaks/${config}`);
      expect(value.files).toEqual(['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}']);
      expect(value.ignores).toBeUndefined();
      expect(value.plugins?.leaks).toBe(plugin);
      expect(value.languageOptions?.parserOptions).toEqual({ projectService: true });
      expect(value.languageOptions?.parser).toMatchObject({ meta: { name: 'eslint-plugin-leaks/parser' } });
    },
  );
});

describe('links a user follows', () => {
  const REPO = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks';
  /** GitHub's anchor for a Markdown heading. */
  const anchor = (heading: string): string =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .replace(/\s/g, '-');
  const anchorsOf = (markdown: string): string[] =>
    [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchor(match[1] ?? ''));
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('package.json names the repository, its home page and where to report bugs', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.repository).toEqual({ type: 'git', url: `git+${REPO}.git` });
    expect(manifest.homepage).toBe(`${REPO}#readme`);
    expect(manifest.bugs).toEqual({ url: `${REPO}/issues` });
    expect(REPO_DOCS_URL).toBe(`${REPO}/blob/main/docs/rules`);
  });

  it.each(['README.md', ...ruleFiles.map((name) => `docs/rules/${name}.md`)])(
    'every anchor link in %s leads to a heading',
    (file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      const links = [
        ...text.matchAll(/\]\(((?:https:\/\/github\.com\/eslint-plugin-leaks\/eslint-plugin-leaks)?#[^)]+)\)/g),
      ].map((match) => match[1] ?? '');
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const [target, hash] = link.split('#');
        expect(anchorsOf(target === '' ? text : readme)).toContain(hash);
      }
    },
  );
});

describe("the README's install line", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const line = /^npm install --save-dev (.+)$/m.exec(readme)?.[1]?.split(' ') ?? [];
  const spec = (name: string): string | undefined => {
    const word = line.find((w) => w === name || w.startsWith(`${name}@`));
    return word === undefined ? undefined : word.slice(name.length + 1) || '*';
  };

  it('installs the plugin and every peer dependency', () => {
    expect(spec('eslint-plugin-leaks')).toBeDefined();
    for (const peer of Object.keys(manifest.peerDependencies)) expect(spec(peer), peer).toBeDefined();
  });

  it('keeps TypeScript within the peer range: the version we test with, and never TypeScript 7', () => {
    const typescript = spec('typescript') ?? '';
    expect(semver.satisfies(manifest.devDependencies.typescript ?? '', typescript)).toBe(true);
    expect(semver.intersects(typescript, '>=7')).toBe(false);
    expect(semver.subset(typescript, manifest.peerDependencies.typescript ?? '')).toBe(true);
  });
});
