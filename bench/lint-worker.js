// One measurement, in its own process so that its peak RSS is its own.
//
//   node bench/lint-worker.js '<job as JSON>'
//
// Jobs:
//   { "mode": "corpus", "config": "baseline" | "leaks", "packages": [name, ...] }
//   { "mode": "files",  "config": ..., "dir": ..., "files": [path, ...] }
//   { "mode": "editor", "config": ..., "dir": ..., "file": path, "edits": n }
// and, in any job, "plugin": the path of another build's index.js to measure.
// Prints one line of JSON: times in milliseconds from ESLint's `stats`, wall
// times from performance.now(), CPU times from process.cpuUsage(), peak RSS in bytes.
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import tseslint from 'typescript-eslint';
import { pathToFileURL } from 'node:url';
import { corpus, listFiles, writeTsconfig } from './corpus.js';

const job = JSON.parse(process.argv[2] ?? '{}');
// The plugin as built in dist/, or another build to compare with (`--plugin` of run.js).
const { default: plugin } = /** @type {{ default: typeof import('../dist/index.js').default }} */ (
  await import(job.plugin ? pathToFileURL(path.resolve(job.plugin)).href : '../dist/index.js')
);

const BASELINE_RULES = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];

/** (a) the two typed promise rules; (b) the same and every rule of ours, with the options of `all`. */
function rulesFor(config) {
  /** @type {import('eslint').Linter.RulesRecord} */
  const rules = {};
  for (const rule of BASELINE_RULES) rules[rule] = 'error';
  if (config === 'leaks') Object.assign(rules, plugin.configs.all.rules);
  return rules;
}

function eslintFor(config, cwd, parserOptions) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    stats: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        plugins: { '@typescript-eslint': tseslint.plugin, leaks: plugin },
        languageOptions: { parser: tseslint.parser, parserOptions },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        rules: rulesFor(config),
      },
    ],
  });
}

/** With --expose-gc, start each measured lint with a clean heap, so it does not pay for the garbage of the last. */
function collectGarbage() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/** Per-rule time, parse time and findings of some lint results. */
function summarize(results) {
  /** @type {Record<string, number>} */
  const rules = {};
  /** @type {Record<string, number>} */
  const findings = {};
  let parse = 0;
  let fatal = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parse += pass.parse.total;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) rules[rule] = (rules[rule] ?? 0) + time.total;
    }
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      const id = message.ruleId ?? '(none)';
      findings[id] = (findings[id] ?? 0) + 1;
    }
  }
  return { rules, parse, findings, fatal };
}

async function corpusJob(job) {
  const packages = [];
  for (const pkg of corpus.filter((p) => !job.packages || job.packages.includes(p.name))) {
    const files = listFiles(pkg);
    const tsconfig = writeTsconfig(pkg, files);
    const eslint = eslintFor(job.config, pkg.root, { project: tsconfig, tsconfigRootDir: path.dirname(tsconfig) });
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const results = await eslint.lintFiles(files);
    const wall = performance.now() - start;
    const cpuTime = process.cpuUsage(cpuStart);
    const cpu = (cpuTime.user + cpuTime.system) / 1000;
    packages.push({ name: pkg.name, files: files.length, wall, cpu, ...summarize(results) });
  }
  return { packages };
}

async function filesJob(job) {
  const eslint = eslintFor(job.config, job.dir, { projectService: true, tsconfigRootDir: job.dir });
  const files = [];
  for (const file of job.files) {
    collectGarbage();
    const start = performance.now();
    const results = await eslint.lintFiles([file]);
    const wall = performance.now() - start;
    files.push({ file, wall, ...summarize(results) });
  }
  return { files };
}

/** A small edit, as a typist makes it: one literal changes on one line. */
function edit(code, n) {
  return code.replace(`const value = key.length * 0;`, `const value = key.length * ${String(n + 1)};`);
}

async function editorJob(job) {
  const eslint = eslintFor(job.config, job.dir, { projectService: true, tsconfigRootDir: job.dir });
  const code = readFileSync(job.file, 'utf8');
  const lints = [];
  // The first lint builds the program and checks the file: the editor's start-up, reported apart.
  for (let n = -1; n < job.edits; n++) {
    const text = n < 0 ? code : edit(code, n);
    collectGarbage();
    const start = performance.now();
    const results = await eslint.lintText(text, { filePath: job.file });
    const wall = performance.now() - start;
    lints.push({ wall, ...summarize(results) });
  }
  return { warmUp: lints[0], lints: lints.slice(1) };
}

const jobs = { corpus: corpusJob, files: filesJob, editor: editorJob };
const run = jobs[job.mode];
if (!run) throw new Error(`unknown job mode: ${String(job.mode)}`);
const cpuStart = process.cpuUsage();
const start = performance.now();
const output = await run(job);
const wall = performance.now() - start;
const cpuTime = process.cpuUsage(cpuStart);
// CPU time (all threads) is much less disturbed than wall time by other processes on the machine.
const cpu = (cpuTime.user + cpuTime.system) / 1000;
// maxRSS is in kilobytes.
process.stdout.write(`${JSON.stringify({ ...output, wall, cpu, maxRSS: process.resourceUsage().maxRSS * 1024 })}\n`);
