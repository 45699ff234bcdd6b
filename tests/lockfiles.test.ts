/**
 * Every lockfile must install the same tree next month. A dependency declared
 * by a dist-tag (`"jschardet": "latest"` in a package we install) is resolved
 * again by `npm ci`, and the lockfile stops validating the day a new version
 * is published. Such a spec must be pinned by an exact `overrides` entry in the
 * package.json beside the lockfile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const LOCKFILES = ['package-lock.json', 'scripts/real/package-lock.json', 'bench/package-lock.json'];
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

interface LockEntry {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** A spec that names a dist-tag: neither a semver range nor an alias, URL, path, git or workspace spec. */
function isDistTag(spec: string): boolean {
  if (semver.validRange(spec) !== null) return false;
  return !/^(npm:|workspace:|file:|link:|git[+:]|github:|https?:|[^/\s]+\/[^/\s]+$|\.{0,2}\/)/.test(spec);
}

/** `name@spec (in entry)` for each dist-tag spec that no exact override pins. */
function unpinnedTags(lock: { packages?: Record<string, LockEntry> }, overrides: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    for (const field of DEPENDENCY_FIELDS) {
      for (const [name, spec] of Object.entries(entry[field] ?? {})) {
        if (!isDistTag(spec)) continue;
        const pinned = overrides[name];
        if (typeof pinned === 'string' && semver.valid(pinned) !== null) continue;
        found.push(`${name}@${spec} (in ${location || 'the root package'})`);
      }
    }
  }
  return found;
}

describe('dist-tag detection', () => {
  it.each(['latest', 'next', 'beta', 'canary'])('%s is a dist-tag', (spec) => {
    expect(isDistTag(spec)).toBe(true);
  });
  it.each([
    '^1.2.3',
    '1.2.3',
    '*',
    '>=5.4 <6.1',
    '',
    'x',
    'npm:eslint@9.39.5',
    'file:../x',
    'github:a/b',
    'a/b',
    'https://x.test/a.tgz',
  ])('%j is not', (spec) => {
    expect(isDistTag(spec)).toBe(false);
  });
  it('reports a tag that no exact override pins, and accepts one that is pinned', () => {
    const lock = { packages: { 'node_modules/a': { dependencies: { b: 'latest', c: '^1.0.0' } } } };
    expect(unpinnedTags(lock, {})).toEqual(['b@latest (in node_modules/a)']);
    expect(unpinnedTags(lock, { b: '^4.0.0' })).toEqual(['b@latest (in node_modules/a)']);
    expect(unpinnedTags(lock, { b: '4.0.0' })).toEqual([]);
  });
});

describe.each(LOCKFILES)('%s', (lockfile) => {
  it('declares no dependency by a dist-tag that an exact override does not pin', () => {
    const lock = JSON.parse(readFileSync(path.join(root, lockfile), 'utf8')) as {
      packages?: Record<string, LockEntry>;
    };
    const manifest = JSON.parse(readFileSync(path.join(root, path.dirname(lockfile), 'package.json'), 'utf8')) as {
      overrides?: Record<string, unknown>;
    };
    expect(unpinnedTags(lock, manifest.overrides ?? {})).toEqual([]);
  });
});
