/**
 * Linting and type-checking one generated file at a time, against the typed
 * fixture project (tests/fixtures): the linter through ESLint's Node API, the
 * TypeScript diagnostics through a language service whose one root file's text
 * is swapped for each variant. A generated file is TypeScript (`file.ts`) or
 * JavaScript (`script.js`, checked with `checkJs`).
 */
import { ESLint, type Linter } from 'eslint';
import path from 'node:path';
import ts from 'typescript';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

export const file = path.join(fixturesDir, 'file.ts');
export const scriptFile = path.join(fixturesDir, 'script.js');

/** Number of runs and seed, from PROPERTY_RUNS / PROPERTY_SEED (a fixed seed by default, so CI is reproducible). */
export function runOptions(defaultRuns: number): { numRuns: number; seed: number; endOnFailure: boolean } {
  return {
    numRuns: Number(process.env.PROPERTY_RUNS ?? defaultRuns),
    seed: Number(process.env.PROPERTY_SEED ?? 20_260_701),
    endOnFailure: process.env.PROPERTY_NO_SHRINK === '1',
  };
}

function eslint(config: Linter.Config, fix: boolean): ESLint {
  return new ESLint({
    cwd: fixturesDir,
    fix,
    overrideConfigFile: true,
    overrideConfig: [config, { languageOptions: { parserOptions: { tsconfigRootDir: fixturesDir } } }],
  });
}

export const linters = {
  recommended: { lint: eslint(plugin.configs.recommended, false), fix: eslint(plugin.configs.recommended, true) },
  all: { lint: eslint(plugin.configs.all, false), fix: eslint(plugin.configs.all, true) },
};

export async function lint(linter: ESLint, code: string, filePath = file): Promise<ESLint.LintResult> {
  const [result] = await linter.lintText(code, { filePath });
  if (!result) throw new Error('ESLint returned no result');
  return result;
}

export function applyFix(code: string, fix: { range: [number, number]; text: string }): string {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

const parsed = ts.getParsedCommandLineOfConfigFile(
  path.join(fixturesDir, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
);
if (!parsed) throw new Error('tests/fixtures/tsconfig.json did not parse');
const options = parsed.options;
let text = '';
let current = file;
let version = 0;
const service = ts.createLanguageService(
  {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [current],
    getScriptVersion: (name) => (name === current ? String(version) : '0'),
    getScriptSnapshot: (name) => {
      const content = name === current ? text : ts.sys.readFile(name);
      return content === undefined ? undefined : ts.ScriptSnapshot.fromString(content);
    },
    getCurrentDirectory: () => fixturesDir,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name === current || ts.sys.fileExists(name),
    readFile: (name) => (name === current ? text : ts.sys.readFile(name)),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (name) => ts.sys.directoryExists(name),
    getDirectories: (name) => ts.sys.getDirectories(name),
  },
  ts.createDocumentRegistry(),
);

/** TypeScript's syntactic and semantic diagnostics of `code` as the fixture file `filePath`, without positions. */
export function diagnostics(code: string, filePath = file): string[] {
  text = code;
  current = filePath;
  version++;
  return [...service.getSyntacticDiagnostics(filePath), ...service.getSemanticDiagnostics(filePath)].map(
    (d) => `TS${String(d.code)} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
  );
}

/** The diagnostics `after` has that `before` does not (as multisets). */
export function added(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const d of before) left.set(d, (left.get(d) ?? 0) + 1);
  return after.filter((d) => {
    const n = left.get(d) ?? 0;
    if (n > 0) {
      left.set(d, n - 1);
      return false;
    }
    return true;
  });
}
