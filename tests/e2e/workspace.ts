/**
 * Throwaway projects that use the plugin the way its users do: the packed
 * tarball unpacked into `node_modules/eslint-plugin-leaks`, next to the
 * toolchain from this repository's own `node_modules` (linked, so that no test
 * needs the network). `eslint` is either major: 10 is the repository's
 * `eslint`, 9 is the `eslint-v9` alias in devDependencies.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const repoRoot = path.join(import.meta.dirname, '..', '..');
export const fixturesDir = path.join(import.meta.dirname, 'fixtures');
const repoModules = path.join(repoRoot, 'node_modules');

/** Where the rule docs live, as the plugin's `meta.docs.url` and the SARIF `helpUri` name them. */
export const DOCS = 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks/blob/main/docs/rules';

/** Every finding of `configs.recommended` on the leaky fixture, as `file:line:col rule messageId`, in ESLint's order. */
export const LEAKY_FINDINGS = [
  'src/fixable.ts:15:3 leaks/no-conditional-cleanup cleanupSkippedOnThrow',
  'src/fixable.ts:22:3 leaks/no-conditional-cleanup cleanupSkippedOnThrow',
  'src/fixable.ts:30:3 leaks/no-conditional-cleanup cleanupSkippedOnThrow',
  'src/leaks.ts:7:7 leaks/no-unbounded-cache mapNeverShrinks',
  'src/leaks.ts:21:3 leaks/no-conditional-cleanup cleanupSkippedOnThrow',
  'src/leaks.ts:34:5 leaks/no-conditional-cleanup cleanupSkippedOnSomePaths',
  'src/leaks.ts:42:10 leaks/no-abandoned-race timerNeverCleared',
  'src/leaks.ts:42:10 leaks/no-abandoned-race signalNotPassed',
];

/** The ESM flat config most tests use. */
export const RECOMMENDED_MJS =
  "import leaks from 'eslint-plugin-leaks';\n\nexport default [leaks.configs.recommended];\n";

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  readonly dir: string;
  /** Runs the workspace's `eslint` CLI with `args`, in the workspace. */
  eslint(args: readonly string[], env?: NodeJS.ProcessEnv): RunResult;
  /** Runs `tsc --noEmit -p .` in the workspace. */
  tsc(): RunResult;
  /** Runs any command in the workspace. */
  run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): RunResult;
  read(file: string): string;
  write(file: string, text: string): void;
  removeFile(file: string): void;
  /** Deletes the whole workspace. */
  remove(): void;
}

export interface WorkspaceOptions {
  /** Folders under tests/e2e/fixtures/ copied into the workspace, in order. */
  fixtures: readonly string[];
  /** ESLint major to install; 10 unless set. */
  eslint?: 9 | 10;
  /** Extra files, path → text (the config file goes here). */
  files?: Record<string, string>;
}

export function createWorkspace(options: WorkspaceOptions): Workspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leaks-e2e-'));
  for (const fixture of options.fixtures) cpSync(path.join(fixturesDir, fixture), dir, { recursive: true });
  for (const [file, text] of Object.entries(options.files ?? {})) write(file, text);
  installToolchain(dir, options.eslint ?? 10);

  function write(file: string, text: string): void {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  function run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): RunResult {
    const result = spawnSync(command, args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 120_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  return {
    dir,
    eslint: (args, env) =>
      run(process.execPath, [path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js'), ...args], env),
    tsc: () =>
      run(process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.']),
    run,
    read: (file) => readFileSync(path.join(dir, file), 'utf8'),
    write,
    removeFile: (file) => {
      rmSync(path.join(dir, file));
    },
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `node_modules` for a workspace: the packed plugin plus links to the toolchain. */
function installToolchain(dir: string, eslintMajor: 9 | 10): void {
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(repoModules)) {
    if (entry.startsWith('.') || entry === 'eslint' || entry === 'eslint-v9') continue;
    symlinkSync(path.join(repoModules, entry), path.join(modules, entry), 'dir');
  }
  symlinkSync(path.join(repoModules, eslintMajor === 9 ? 'eslint-v9' : 'eslint'), path.join(modules, 'eslint'), 'dir');
  const plugin = path.join(modules, 'eslint-plugin-leaks');
  mkdirSync(plugin);
  execFileSync('tar', ['-xzf', inject('tarball'), '-C', plugin, '--strip-components=1']);
}

/** ESLint's JSON formatter output, one entry per file, with workspace-relative paths. */
export interface JsonMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: number;
  fatal?: boolean;
  fix?: unknown;
  suggestions?: { desc: string; messageId?: string }[];
}

export function findings(workspace: Workspace, stdout: string): string[] {
  const results = JSON.parse(stdout) as { filePath: string; messages: JsonMessage[] }[];
  return results.flatMap((result) =>
    result.messages.map(
      (m) =>
        `${path.relative(workspace.dir, result.filePath)}:${String(m.line)}:${String(m.column)} ${m.ruleId ?? 'fatal'} ${m.messageId ?? m.message}`,
    ),
  );
}
