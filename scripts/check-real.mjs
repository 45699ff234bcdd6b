// npm run check:real: every rule, with the options of `all`, on a large body of
// real TypeScript and JavaScript from pinned npm packages that ship their
// sources (scripts/real/package.json). It fails on any exception while linting,
// then applies every fix and, one at a time, every suggestion our rules offer
// there, and fails when a result does not parse, adds a TypeScript error to its
// file, leaves the finding a suggestion was offered for, or (for --fix) changes
// again on a second pass. Then, in each file with a fix or a suggestion, it
// applies them all together (--fix, then the first suggestion of each finding
// one after another, see fix-together.mjs) and fails when the sequence does
// not converge, the final text does not parse, adds a TypeScript error to its
// file or changes on a second --fix pass, or a finding that had a fix or a
// suggestion is left.
//
//   node scripts/check-real.mjs [--only=<package>[,<package>…]] [--list=<rule>[,<rule>…]]
//
// --list prints every finding of the named rules (`leaks/no-leaked-timer`, or `all`), for reading.
//
// The packages are copied into a scratch directory under os.tmpdir() (ESLint
// ignores node_modules) with a generated tsconfig.json each; nothing is copied
// into the repository.
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { ESLint } from 'eslint';
import ts from 'typescript';
import plugin from '../dist/index.js';
import { applyTogether, diff } from './fix-together.mjs';

const root = path.join(import.meta.dirname, 'real');
const modules = path.join(root, 'node_modules');
const scratch = path.join(os.tmpdir(), 'eslint-plugin-leaks-check-real');
const SOURCE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TS_SOURCE = /\.(?:ts|tsx|mts|cts)$/;
const DECLARATION = /\.d\.(?:ts|mts|cts)$/;
const MIN_LINES = 300_000;
const NEEDED_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js'];

/**
 * What to lint in each package: the folders or files that hold its sources.
 * `js` turns on allowJs/checkJs (otherwise only TypeScript files are copied),
 * `jsx` the React JSX transform; `declarations: false` leaves out the .d.ts
 * files that stand beside compiled JavaScript (TypeScript would take them in
 * place of the JavaScript).
 */
const corpus = [
  { name: 'rxjs', roots: ['src'] },
  { name: '@trpc/server', roots: ['src'] },
  { name: '@tanstack/query-core', roots: ['src'] },
  { name: 'effect', roots: ['src'] },
  { name: '@tanstack/react-query', roots: ['src'], jsx: true },
  { name: '@tanstack/react-router', roots: ['src'], jsx: true },
  { name: '@oada/certs', roots: ['src'] },
  { name: '@oada/well-known-json', roots: ['src'] },
  { name: '@sveltejs/kit', roots: ['src'], js: true },
  { name: 'undici', roots: ['lib', 'index.js', 'index-fetch.js'], js: true },
  { name: '@vscode/test-cli', roots: ['out'], js: true, declarations: false },
];

const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const list =
  process.argv
    .find((arg) => arg.startsWith('--list='))
    ?.slice('--list='.length)
    .split(',') ?? [];
const selected = only ? corpus.filter((entry) => only.includes(entry.name)) : corpus;
if (selected.length === 0) throw new Error(`--only named no package of the corpus: ${only?.join(', ') ?? ''}`);

const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

if (!existsSync(modules)) {
  console.log('Installing the corpus (scripts/real) with npm ci…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: root, stdio: 'inherit' });
}

/** Problems that fail the check, each a paragraph of the final report. */
const problems = [];
const linesByExtension = {};
const findingsByRule = {};
let filesLinted = 0;
let parseErrors = 0;
let fixedFiles = 0;
let suggestionsChecked = 0;
let togetherFiles = 0;
let togetherSuggestions = 0;
let togetherRefixes = 0;

for (const entry of selected) {
  const packageStarted = performance.now();
  const dir = copyPackage(entry);
  const files = listFiles(dir);
  const version = JSON.parse(readFileSync(path.join(modules, entry.name, 'package.json'), 'utf8')).version;
  let lines = 0;
  for (const file of files) {
    if (DECLARATION.test(file)) continue;
    const extension = path.extname(file).slice(1);
    const count = readFileSync(file, 'utf8').split('\n').length;
    linesByExtension[extension] = (linesByExtension[extension] ?? 0) + count;
    lines += count;
  }
  console.log(`${entry.name}@${version}: ${String(files.length)} files, ${String(lines)} lines (without declarations)`);

  const options = {
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      plugin.configs.all,
      {
        languageOptions: { parserOptions: { tsconfigRootDir: dir } },
        // Only our rules' fixes are under test, not the removal of the packages' own directives.
        linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      },
    ],
  };
  const eslint = new ESLint(options);
  const fixer = new ESLint({ ...options, fix: true });
  const checker = new DiagnosticsChecker(dir);

  /** Files whose messages carry a fix or a suggestion, with their original text. */
  const fixable = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = await lintOrReport(eslint, text, file, 'linting');
    filesLinted++;
    if (!result) continue;
    for (const message of result.messages) {
      if (message.fatal) {
        if (message.message.includes('was not found by the project service')) {
          problems.push(`${file}: not in the generated tsconfig.json, so it was not linted: ${message.message}`);
          continue;
        }
        parseErrors++;
        if (parseErrors <= 5)
          console.log(
            `  parse error (not ours): ${path.relative(dir, file)}:${String(message.line)}: ${message.message}`,
          );
        continue;
      }
      if (message.ruleId) findingsByRule[message.ruleId] = (findingsByRule[message.ruleId] ?? 0) + 1;
      if (message.ruleId && (list.includes('all') || list.includes(message.ruleId))) {
        console.log(
          `  ${path.relative(dir, file)}:${String(message.line)}:${String(message.column)} ${message.ruleId} ${message.message}`,
        );
      }
    }
    if (result.messages.some((m) => m.fix || (m.suggestions?.length ?? 0) > 0)) fixable.push({ file, text, result });
  }

  for (const { file, text, result } of fixable) {
    const relative = `${entry.name}/${path.relative(dir, file)}`;
    const before = checker.diagnostics(file, text);
    if (result.messages.some((m) => m.fix)) {
      fixedFiles++;
      const fixed = await lintOrReport(fixer, text, file, '--fix');
      if (fixed?.output !== undefined) {
        checkVariant(checker, file, relative, before, fixed.output, '--fix');
        const again = await lintOrReport(fixer, fixed.output, file, 'a second --fix pass');
        if (again?.output !== undefined && again.output !== fixed.output) {
          problems.push(
            `${relative}: a second --fix pass changed the code again:\n${diff(fixed.output, again.output)}`,
          );
        }
      }
    }
    for (const message of result.messages) {
      for (const suggestion of message.suggestions ?? []) {
        suggestionsChecked++;
        const output =
          text.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + text.slice(suggestion.fix.range[1]);
        const what = `the suggestion "${suggestion.desc}" of ${message.ruleId ?? '?'} (line ${String(message.line)})`;
        checkVariant(checker, file, relative, before, output, what);
        const relinted = await lintOrReport(eslint, output, file, `linting after ${what}`);
        if (relinted?.messages.some((m) => m.fatal)) {
          problems.push(`${relative}: ${what} leaves code that ESLint cannot parse:\n${diff(text, output)}`);
        } else if (relinted) {
          // It takes away the finding it was offered for: its rule reports fewer findings in the result.
          const before = result.messages.filter((m) => m.ruleId === message.ruleId).length;
          const after = relinted.messages.filter((m) => m.ruleId === message.ruleId).length;
          if (after >= before) problems.push(`${relative}: ${what} leaves its finding:\n${diff(text, output)}`);
        }
      }
    }
    // All together: --fix, then the first suggestion of each finding, one after another.
    togetherFiles++;
    const together = await applyTogether({
      text,
      result,
      lint: (output) => lintOrReport(eslint, output, file, 'linting all together'),
      fix: (output) => lintOrReport(fixer, output, file, '--fix all together'),
    });
    const refixes = together.steps.filter((step) => step === '--fix').length;
    togetherSuggestions += together.steps.length - refixes;
    togetherRefixes += refixes;
    for (const problem of together.problems) problems.push(`${relative}: all together: ${problem}`);
    if (together.output !== text) {
      const what = `all together (--fix, then ${together.steps.join(', then ') || 'nothing'})`;
      checkVariant(checker, file, relative, before, together.output, what);
    }
    // The project service keeps the last text it saw: give it the file as it is on disk again.
    if (result.messages.some((m) => m.fix || m.suggestions?.length)) await eslint.lintText(text, { filePath: file });
  }
  console.log(`  linted in ${seconds(packageStarted)}; ${String(fixable.length)} files with fixes or suggestions`);
}

const totalLines = Object.values(linesByExtension).reduce((a, b) => a + b, 0);
console.log('\nLines by extension (declaration files not counted):');
for (const [extension, count] of Object.entries(linesByExtension).sort((a, b) => b[1] - a[1])) {
  console.log(`  .${extension.padEnd(4)} ${String(count).padStart(8)}`);
}
console.log(`  total ${String(totalLines).padStart(8)}`);
if (!only) {
  if (totalLines < MIN_LINES)
    problems.push(`The corpus has ${String(totalLines)} lines, fewer than ${String(MIN_LINES)}.`);
  for (const extension of NEEDED_EXTENSIONS) {
    if (!linesByExtension[extension]) problems.push(`The corpus has no .${extension} file.`);
  }
}
console.log('\nFindings by rule:');
for (const name of Object.keys(plugin.rules)) {
  console.log(`  leaks/${name}: ${String(findingsByRule[`leaks/${name}`] ?? 0)}`);
}
console.log(
  `\n${String(filesLinted)} files linted, ${String(parseErrors)} parse errors (not ours), ` +
    `${String(fixedFiles)} files fixed with --fix, ${String(suggestionsChecked)} suggestions checked, ` +
    `${String(togetherFiles)} files checked all together (${String(togetherSuggestions)} suggestions and ${String(togetherRefixes)} later --fix runs applied), in ${seconds(started)}.`,
);

if (problems.length > 0) {
  console.error(`\ncheck:real found ${String(problems.length)} problem(s):\n`);
  for (const problem of problems) console.error(`${problem}\n`);
  process.exitCode = 1;
} else {
  console.log('check:real passed.');
}

// ---- helpers ---------------------------------------------------------------

/** Copies the package's sources into the scratch directory, with a tsconfig.json and its dependencies beside them. */
function copyPackage(entry) {
  const from = path.join(modules, entry.name);
  const dir = path.join(
    scratch,
    entry.name.replace(/[@/]/g, (c) => (c === '@' ? '' : '+')),
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const item of entry.roots) {
    const source = path.join(from, item);
    if (!existsSync(source)) throw new Error(`${entry.name} has no ${item}: is scripts/real/node_modules up to date?`);
    cpSync(source, path.join(dir, item), {
      recursive: true,
      filter: (name) => {
        const inside = path.relative(from, name);
        return (
          !inside.split(path.sep).includes('node_modules') && (statSync(name).isDirectory() || wanted(entry, name))
        );
      },
    });
  }
  // Imports of other packages resolve to the corpus's own node_modules.
  symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
  const compilerOptions = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2023', 'DOM', 'DOM.Iterable', 'ESNext.Disposable'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    resolveJsonModule: true,
    allowImportingTsExtensions: true,
    ...(entry.js ? { allowJs: true, checkJs: true, maxNodeModuleJsDepth: 0 } : {}),
    ...(entry.jsx ? { jsx: 'react-jsx' } : {}),
  };
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['**/*'] }, null, 2));
  return dir;
}

function wanted(entry, name) {
  if (!(entry.js ? SOURCE : TS_SOURCE).test(name)) return false;
  return entry.declarations !== false || !DECLARATION.test(name);
}

function listFiles(dir) {
  const files = [];
  const visit = (at) => {
    for (const item of readdirSync(at, { withFileTypes: true })) {
      if (item.name === 'node_modules') continue;
      const full = path.join(at, item.name);
      if (item.isDirectory()) visit(full);
      else if (SOURCE.test(item.name)) files.push(full);
    }
  };
  visit(dir);
  return files.sort();
}

/** Lints `text` as `file`; an exception becomes a problem (and null), so that every crash is reported. */
async function lintOrReport(eslint, text, file, what) {
  try {
    const [result] = await eslint.lintText(text, { filePath: file });
    return result ?? null;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    problems.push(`${file}: exception while ${what}:\n${message}`);
    return null;
  }
}

/** The result must parse and add no TypeScript diagnostic to its file. */
function checkVariant(checker, file, relative, before, output, what) {
  const after = checker.diagnostics(file, output);
  const syntaxBefore = before.filter((d) => d.syntactic).length;
  const syntaxAfter = after.filter((d) => d.syntactic);
  if (syntaxAfter.length > syntaxBefore) {
    problems.push(
      `${relative}: ${what} leaves code that does not parse:\n${format(syntaxAfter)}\n${diff(checker.original(file), output)}`,
    );
    return;
  }
  const remaining = new Map();
  for (const d of before) remaining.set(d.key, (remaining.get(d.key) ?? 0) + 1);
  const added = after.filter((d) => {
    const left = remaining.get(d.key) ?? 0;
    if (left > 0) {
      remaining.set(d.key, left - 1);
      return false;
    }
    return true;
  });
  if (added.length > 0) {
    problems.push(
      `${relative}: ${what} adds TypeScript errors:\n${format(added)}\n${diff(checker.original(file), output)}`,
    );
  }
}

function format(diagnostics) {
  return diagnostics.map((d) => `  line ${String(d.line)}: ${d.key}`).join('\n');
}

/**
 * TypeScript's diagnostics for one file of a package, with that file's text
 * swapped for a variant: a language service re-checks only what changed.
 */
function DiagnosticsChecker(dir) {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(dir, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`${dir}/tsconfig.json did not parse`);
  const overrides = new Map();
  const versions = new Map();
  const host = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => config.fileNames,
    getScriptVersion: (name) => String(versions.get(name) ?? 0),
    getScriptSnapshot: (name) => {
      const text = overrides.get(name) ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => overrides.has(name) || ts.sys.fileExists(name),
    readFile: (name) => overrides.get(name) ?? ts.sys.readFile(name),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const set = (file, text) => {
    if (text === undefined) overrides.delete(file);
    else overrides.set(file, text);
    versions.set(file, (versions.get(file) ?? 0) + 1);
  };
  const collect = (file) => {
    const list = [];
    const add = (d, syntactic) => {
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      list.push({ key: `TS${String(d.code)} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`, line, syntactic });
    };
    for (const d of service.getSyntacticDiagnostics(file)) add(d, true);
    for (const d of service.getSemanticDiagnostics(file)) add(d, false);
    return list;
  };
  this.original = (file) => readFileSync(file, 'utf8');
  this.diagnostics = (file, text) => {
    const original = readFileSync(file, 'utf8');
    if (text === original) return collect(file);
    set(file, text);
    try {
      return collect(file);
    } finally {
      set(file, undefined);
    }
  };
}
