// The benchmark: what eslint-plugin-leaks costs on top of typed linting.
//
//   npm run bench                          (builds dist/ first)
//   node bench/run.js [--rounds 3] [--scaling-rounds 5] [--only corpus,scaling,editor] [--edits 30]
//                     [--no-write] [--plugin path/to/other/build/index.js]
//
// 1. Corpus: real TypeScript from npm (bench/corpus.js), linted in alternating
//    child processes with (a) typescript-eslint's no-floating-promises and
//    no-misused-promises, and (b) the same plus every rule of ours.
// 2. Scaling: generated files of 5k to 40k lines full of candidates.
// 3. Editor: one warm ESLint instance relints a 2,000-line file after small edits.
// Prints the tables and writes them to bench/RESULTS.md. Nothing is asserted.
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import console from 'node:console';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { benchDir, corpus, countLines, ensureCorpus, listFiles, versionOf, workDir } from './corpus.js';
import { writeGenerated } from './generate.js';

const NFP = '@typescript-eslint/no-floating-promises';
/** Every rule of the plugin in dist/, as ESLint names them. */
const OURS = Object.keys((await import('../dist/index.js')).default.rules).map((rule) => `leaks/${rule}`);
const SIZES = [5000, 10000, 20000, 40000];
const EDITOR_LINES = 2000;
/** Lines of the file linted first in each scaling round, to take the one-time costs; not reported. */
const WARM_UP = 4999;

function parseArgs(argv) {
  const args = {
    rounds: 3,
    scalingRounds: 5,
    edits: 30,
    only: ['corpus', 'scaling', 'editor'],
    write: true,
    plugin: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rounds') args.rounds = Number(argv[++i]);
    else if (arg === '--scaling-rounds') args.scalingRounds = Number(argv[++i]);
    else if (arg === '--edits') args.edits = Number(argv[++i]);
    else if (arg === '--only') args.only = String(argv[++i]).split(',');
    else if (arg === '--no-write') args.write = false;
    else if (arg === '--plugin') args.plugin = path.resolve(String(argv[++i]));
    else throw new Error(`unknown argument: ${String(arg)}`);
  }
  for (const key of ['rounds', 'scalingRounds', 'edits']) {
    if (!Number.isInteger(args[key]) || args[key] < 1) throw new Error(`--${key} must be a positive integer`);
  }
  return args;
}

// ---- statistics and formatting ------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const sum = (values) => values.reduce((a, b) => a + b, 0);
const ms = (value) => `${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1)} ms`;
const s = (value) => `${(value / 1000).toFixed(1)} s`;
const mb = (bytes) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
const ratio = (value, digits = 3) => value.toFixed(digits);
const pct = (value) => `${(value * 100).toFixed(1)} %`;
/** Median with its spread over the rounds: `1.012 (1.004–1.020)`. */
const spread = (values, format) =>
  values.length > 1
    ? `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`
    : format(values[0]);

function table(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? ':--' : '--:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

// ---- running workers ------------------------------------------------------------

const workerPath = path.join(benchDir, 'lint-worker.js');

/** Set from `--plugin`: another build of the plugin to measure instead of dist/ (for before/after figures). */
let pluginPath = null;

function runWorker(job) {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', workerPath, JSON.stringify(pluginPath ? { ...job, plugin: pluginPath } : job)],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = output.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}');
}

const ruleTotal = (packages, rule) => sum(packages.map((p) => p.rules[rule] ?? 0));
const oursTotal = (rules) => sum(OURS.map((rule) => rules[rule] ?? 0));

// ---- 1. corpus ------------------------------------------------------------------

function corpusSection(rounds, log) {
  const info = corpus.map((pkg) => {
    const files = listFiles(pkg);
    return {
      name: pkg.name,
      version: versionOf(pkg),
      include: pkg.include,
      files: files.length,
      lines: countLines(files),
    };
  });
  const totalLines = sum(info.map((p) => p.lines));
  log(`corpus: ${info.map((p) => `${p.name}@${p.version} ${p.lines.toLocaleString('en-US')} lines`).join(', ')}`);

  /** @type {{ baseline: any[], leaks: any[] }} */
  const runs = { baseline: [], leaks: [] };
  for (let round = 0; round < rounds; round++) {
    // a b, b a, a b, …: neither configuration always goes first.
    const order = round % 2 === 0 ? ['baseline', 'leaks'] : ['leaks', 'baseline'];
    for (const config of order) {
      const result = runWorker({ mode: 'corpus', config });
      runs[config].push(result);
      log(
        `  round ${String(round + 1)}/${String(rounds)} ${config.padEnd(8)} ${s(result.wall)}  peak RSS ${mb(result.maxRSS)}`,
      );
    }
  }

  const wallRatios = runs.leaks.map((b, i) => b.wall / runs.baseline[i].wall);
  const cpuRatios = runs.leaks.map((b, i) => b.cpu / runs.baseline[i].cpu);
  const rssRatios = runs.leaks.map((b, i) => b.maxRSS / runs.baseline[i].maxRSS);
  // Our rules' own time as a share of the baseline's wall time in the same round: the overhead without the noise of two processes.
  const statsShares = runs.leaks.map(
    (b, i) => oursTotal(Object.fromEntries(OURS.map((r) => [r, ruleTotal(b.packages, r)]))) / runs.baseline[i].wall,
  );

  const lines = [];
  lines.push('## 1. Corpus: baseline (a) and baseline + leaks (b)');
  lines.push('');
  lines.push(
    `Real TypeScript installed from npm at the versions pinned in \`bench/package.json\` (globs in \`bench/corpus.js\`), ${totalLines.toLocaleString('en-US')} lines in all. Each package is linted with its own program (\`parserOptions.project\`, a tsconfig written to \`bench/.work/\`). (a) = \`no-floating-promises\` + \`no-misused-promises\`; (b) = (a) + every rule of ours with the options of \`configs.all\`. ${String(rounds)} rounds, each configuration in its own child process, alternating a b / b a. Figures are medians with (min–max) over the rounds.`,
  );
  lines.push('');
  lines.push(
    table(
      ['package', 'version', 'linted', 'files', 'lines'],
      info.map((p) => [
        p.name,
        p.version,
        p.include.map((g) => `\`${g}\``).join(' '),
        String(p.files),
        p.lines.toLocaleString('en-US'),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    table(
      ['', '(a) baseline', '(b) baseline + leaks', 'b / a'],
      [
        [
          'wall time',
          spread(
            runs.baseline.map((r) => r.wall),
            s,
          ),
          spread(
            runs.leaks.map((r) => r.wall),
            s,
          ),
          spread(wallRatios, ratio),
        ],
        [
          'CPU time',
          spread(
            runs.baseline.map((r) => r.cpu),
            s,
          ),
          spread(
            runs.leaks.map((r) => r.cpu),
            s,
          ),
          spread(cpuRatios, ratio),
        ],
        [
          'peak RSS',
          spread(
            runs.baseline.map((r) => r.maxRSS),
            mb,
          ),
          spread(
            runs.leaks.map((r) => r.maxRSS),
            mb,
          ),
          spread(rssRatios, ratio),
        ],
        ["our rules' time (stats) / (a) wall", '', '', spread(statsShares, pct)],
      ],
    ),
  );
  lines.push('');
  lines.push(
    'Per-rule time (ESLint `stats`, summed over all files), and the ratio of each rule of ours to `no-floating-promises` in the same run of (b):',
  );
  lines.push('');
  const allRules = [NFP, '@typescript-eslint/no-misused-promises', ...OURS];
  lines.push(
    table(
      ['rule', '(a)', '(b)', '/ no-floating-promises in (b)'],
      allRules.map((rule) => [
        `\`${rule}\``,
        OURS.includes(rule)
          ? ''
          : spread(
              runs.baseline.map((r) => ruleTotal(r.packages, rule)),
              ms,
            ),
        spread(
          runs.leaks.map((r) => ruleTotal(r.packages, rule)),
          ms,
        ),
        OURS.includes(rule)
          ? spread(
              runs.leaks.map((r) => ruleTotal(r.packages, rule) / ruleTotal(r.packages, NFP)),
              ratio,
            )
          : '',
      ]),
    ).concat(
      `\n| all of ours |  | ${spread(
        runs.leaks.map((r) => sum(OURS.map((rule) => ruleTotal(r.packages, rule)))),
        ms,
      )} | ${spread(
        runs.leaks.map((r) => sum(OURS.map((rule) => ruleTotal(r.packages, rule))) / ruleTotal(r.packages, NFP)),
        ratio,
      )} |`,
    ),
  );
  lines.push('');
  lines.push('Per package, medians of (b): wall time, parse time (program included), and rule times.');
  lines.push('');
  lines.push(
    table(
      [
        'package',
        'wall (a)',
        'wall (b)',
        'parse',
        'no-floating-promises',
        'no-misused-promises',
        ...OURS.map((r) => r.replace('leaks/', '')),
        'reports of ours',
      ],
      info.map((p, index) => {
        const of = (config) => runs[config].map((r) => r.packages[index]);
        const b = of('leaks');
        const findings = b[0]?.findings ?? {};
        return [
          p.name,
          s(median(of('baseline').map((x) => x.wall))),
          s(median(b.map((x) => x.wall))),
          s(median(b.map((x) => x.parse))),
          ms(median(b.map((x) => x.rules[NFP] ?? 0))),
          ms(median(b.map((x) => x.rules['@typescript-eslint/no-misused-promises'] ?? 0))),
          ...OURS.map((rule) => ms(median(b.map((x) => x.rules[rule] ?? 0)))),
          String(sum(OURS.map((rule) => findings[rule] ?? 0))),
        ];
      }),
    ),
  );
  const summary = {
    totalLines,
    wallRatio: median(wallRatios),
    wallRatioMin: Math.min(...wallRatios),
    wallRatioMax: Math.max(...wallRatios),
    cpuRatio: median(cpuRatios),
    cpuRatioMin: Math.min(...cpuRatios),
    cpuRatioMax: Math.max(...cpuRatios),
    statsShare: median(statsShares),
    perRule: Object.fromEntries(
      OURS.map((rule) => [
        rule,
        median(runs.leaks.map((r) => ruleTotal(r.packages, rule) / ruleTotal(r.packages, NFP))),
      ]),
    ),
    rss: { baseline: median(runs.baseline.map((r) => r.maxRSS)), leaks: median(runs.leaks.map((r) => r.maxRSS)) },
  };
  return { lines, summary };
}

// ---- 2. scaling -----------------------------------------------------------------

function scalingSection(rounds, log) {
  const dir = path.join(workDir, 'scaling');
  const files = writeGenerated(dir, [WARM_UP, ...SIZES]);
  const lineCounts = Object.fromEntries(SIZES.map((size) => [size, countLines([files[size]])]));
  /** @type {Record<number, any[]>} */
  const bySize = Object.fromEntries(SIZES.map((size) => [size, []]));
  for (let round = 0; round < rounds; round++) {
    // Each size in its own process, after a 5,000-line file that takes the one-time
    // costs (program, default library types, JIT); sizes go up in odd rounds, down in even ones.
    const order = round % 2 === 0 ? SIZES : [...SIZES].reverse();
    const times = [];
    for (const size of order) {
      const result = runWorker({ mode: 'files', config: 'leaks', dir, files: [files[WARM_UP], files[size]] });
      bySize[size].push(result.files[1]);
      times.push(`${String(size / 1000)}k ${ms(oursTotal(result.files[1].rules))}`);
    }
    log(`  scaling round ${String(round + 1)}/${String(rounds)}: ${times.join(', ')}`);
  }
  const ours = (size) => median(bySize[size].map((f) => oursTotal(f.rules)));
  const rule = (size, id) => median(bySize[size].map((f) => f.rules[id] ?? 0));
  // The fastest round is the one other processes disturbed least.
  const oursMin = (size) => Math.min(...bySize[size].map((f) => oursTotal(f.rules)));
  const lines = [];
  lines.push('## 2. Scaling: generated files');
  lines.push('');
  lines.push(
    `Files generated by \`bench/generate.js\`: blocks of module Maps, Map and Set fields, \`Promise.race\` timeouts, lock, counter and listener acquire/release pairs, linted with (b), each size in its own process after a 5,000-line warm-up file, medians over ${String(rounds)} rounds. t(n) / t(n/2) is the growth of our rules' time when the file doubles (linear: 2), from the medians and from the fastest rounds; the ratio after each rule's time is its own growth.`,
  );
  lines.push('');
  lines.push(
    table(
      [
        'lines',
        'reports of ours',
        'all of ours',
        'per 1k lines',
        't(n) / t(n/2)',
        'fastest round',
        't(n) / t(n/2), fastest',
        ...OURS.map((r) => r.replace('leaks/', '')),
        'no-floating-promises',
      ],
      SIZES.map((size, i) => {
        const previous = SIZES[i - 1];
        const first = bySize[size][0];
        return [
          lineCounts[size].toLocaleString('en-US'),
          String(sum(OURS.map((r) => first?.findings[r] ?? 0))),
          ms(ours(size)),
          ms(ours(size) / (lineCounts[size] / 1000)),
          previous ? ratio(ours(size) / ours(previous), 2) : '',
          ms(oursMin(size)),
          previous ? ratio(oursMin(size) / oursMin(previous), 2) : '',
          ...OURS.map(
            (id) => `${ms(rule(size, id))}${previous ? ` (×${ratio(rule(size, id) / rule(previous, id), 2)})` : ''}`,
          ),
          ms(rule(size, NFP)),
        ];
      }),
    ),
  );
  const ratios = SIZES.slice(1).map((size, i) => ours(size) / ours(SIZES[i]));
  const perRuleRatios = OURS.flatMap((id) => SIZES.slice(1).map((size, i) => rule(size, id) / rule(SIZES[i], id)));
  const minRatios = SIZES.slice(1).map((size, i) => oursMin(size) / oursMin(SIZES[i]));
  return { lines, summary: { ratios, minRatios, maxRuleRatio: Math.max(...perRuleRatios) } };
}

// ---- 3. editor ------------------------------------------------------------------

function editorSection(edits, log) {
  const dir = path.join(workDir, 'editor');
  const file = writeGenerated(dir, [EDITOR_LINES])[EDITOR_LINES];
  const lineCount = countLines([file]);
  const result = runWorker({ mode: 'editor', config: 'leaks', dir, file, edits });
  const lints = result.lints;
  const oursPer = lints.map((l) => oursTotal(l.rules));
  log(`  editor: ${String(lints.length)} relints, ours median ${ms(median(oursPer))}`);
  const lines = [];
  lines.push('## 3. Editor path');
  lines.push('');
  lines.push(
    `One ESLint instance with \`projectService\` (as an editor integration runs it) lints a generated ${lineCount.toLocaleString('en-US')}-line file once to warm the program, then ${String(edits)} more times, each after a one-literal edit (\`lintText\`), with (b).`,
  );
  lines.push('');
  lines.push(
    table(
      ['per lint', 'median', 'min–max', 'warm-up lint'],
      [
        [
          'all of ours',
          ms(median(oursPer)),
          `${ms(Math.min(...oursPer))}–${ms(Math.max(...oursPer))}`,
          ms(oursTotal(result.warmUp.rules)),
        ],
        ...OURS.map((id) => {
          const values = lints.map((l) => l.rules[id] ?? 0);
          return [
            `\`${id}\``,
            ms(median(values)),
            `${ms(Math.min(...values))}–${ms(Math.max(...values))}`,
            ms(result.warmUp.rules[id] ?? 0),
          ];
        }),
        [`\`${NFP}\``, ms(median(lints.map((l) => l.rules[NFP] ?? 0))), '', ms(result.warmUp.rules[NFP] ?? 0)],
        ['parse (program update)', ms(median(lints.map((l) => l.parse))), '', ms(result.warmUp.parse)],
        ['wall time of `lintText`', ms(median(lints.map((l) => l.wall))), '', ms(result.warmUp.wall)],
      ],
    ),
  );
  lines.push('');
  lines.push(`Total of our rules over the ${String(edits)} relints: ${ms(sum(oursPer))}.`);
  return { lines, summary: { median: median(oursPer), total: sum(oursPer) } };
}

// ---- main -----------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
pluginPath = args.plugin;
const log = (line) => {
  console.log(line);
};
ensureCorpus();

const rootPackage = JSON.parse(readFileSync(path.join(benchDir, '..', 'package.json'), 'utf8'));
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: benchDir, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const cpus = os.cpus();
const machine = `${cpus[0]?.model ?? 'unknown CPU'}, ${String(cpus.length)} cores, ${mb(os.totalmem())} RAM, ${os.platform()} ${os.release()}, load average ${os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')} at start`;
const versions = `Node ${process.version}, ESLint ${ESLint.version}, TypeScript ${ts.version}, typescript-eslint ${String(tseslint.plugin.meta?.version)}, ${String(rootPackage.name)} ${String(rootPackage.version)} (${commit})${args.plugin ? `, plugin build measured: ${args.plugin}` : ''}`;
log(machine);
log(versions);

const sections = [];
const summaries = {};
const started = Date.now();
if (args.only.includes('corpus')) {
  const { lines, summary } = corpusSection(args.rounds, log);
  sections.push(lines);
  summaries.corpus = summary;
}
if (args.only.includes('scaling')) {
  const { lines, summary } = scalingSection(args.scalingRounds, log);
  sections.push(lines);
  summaries.scaling = summary;
}
if (args.only.includes('editor')) {
  const { lines, summary } = editorSection(args.edits, log);
  sections.push(lines);
  summaries.editor = summary;
}

const targets = [];
if (summaries.corpus) {
  const c = summaries.corpus;
  const worst = Math.max(...Object.values(c.perRule));
  targets.push(
    `- All our rules together take at most 2 % of the baseline's wall time: our rules' own time (ESLint stats) is ${pct(c.statsShare)} of (a)'s wall time; b / a = ${ratio(c.wallRatio)} (${ratio(c.wallRatioMin)}–${ratio(c.wallRatioMax)}), CPU time b / a = ${ratio(c.cpuRatio)} (${ratio(c.cpuRatioMin)}–${ratio(c.cpuRatioMax)}). ${c.statsShare <= 0.02 ? '**met**' : '**missed**'}.`,
    `- No rule costs more than 0.25 of \`no-floating-promises\`: the most expensive is ${ratio(worst)} of it. ${worst <= 0.25 ? '**met**' : '**missed**'}.`,
    `- Peak RSS within 5 % of the baseline: ${ratio(c.rss.leaks / c.rss.baseline)} (medians). ${c.rss.leaks <= c.rss.baseline * 1.05 ? '**met**' : '**missed**'}.`,
  );
}
if (summaries.scaling) {
  const r = summaries.scaling;
  targets.push(
    `- Doubling a file at most doubles (×2.2) our rules' time: ${r.ratios.map((x) => `×${ratio(x, 2)}`).join(', ')} for all our rules (medians), ${r.minRatios.map((x) => `×${ratio(x, 2)}`).join(', ')} (fastest rounds), at worst ×${ratio(r.maxRuleRatio, 2)} for one rule. ${Math.max(...r.ratios, r.maxRuleRatio) <= 2.2 ? '**met**' : '**missed**'}.`,
  );
}
if (summaries.editor)
  targets.push(
    `- Editor path: our rules take at most 15 ms per relint of a 2,000-line file: ${ms(summaries.editor.median)} (median). ${summaries.editor.median <= 15 ? '**met**' : '**missed**'}.`,
  );

const report = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (`bench/run.js`); not asserted by any test. Timings on a shared machine are noisy: compare ratios measured in the same run, not absolute times across runs.',
  '',
  `- Machine: ${machine}`,
  `- Versions: ${versions}`,
  `- Run: ${String(args.rounds)} corpus rounds, ${String(args.scalingRounds)} scaling rounds, ${String(args.edits)} editor relints, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${s(Date.now() - started)} in all`,
  '',
  '## Targets',
  '',
  ...targets,
  '',
  ...sections.flatMap((lines) => [...lines, '']),
  readFileSync(path.join(benchDir, 'fixes.md'), 'utf8').trimEnd(),
  '',
].join('\n');

console.log(`\n${report}`);
if (args.write) writeFileSync(path.join(benchDir, 'RESULTS.md'), report);
