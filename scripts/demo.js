// The demo: lint the example service in examples/ with `configs.all` (every
// rule, so that each seed's leak is shown by the rule that answers it)
// and check that the findings are exactly the ones in examples/expected.json.
//
//   npm run demo            (builds dist/ first, then runs this script)
//   npm run demo -- --fix   (the fixes at work, on a copy of examples/)
//
// Prints ESLint's stylish report, a summary line and one line per seed, and exits
// 0 when the findings (file, rule, line, column) equal expected.json, 1 otherwise.
// ESLint's own error count does not decide the exit code: the leaky examples are
// meant to be reported.
//
// With --fix it copies examples/ to a scratch directory, runs `eslint --fix` there,
// then takes the first suggestion of each finding that still has one, one at a
// time (as an editor user would take the quick fix), prints the diff of every file
// it changed, lints the copy again and exits 0 when no finding that had a fix or a
// suggestion is left and the copy still type-checks, 1 otherwise.
import { ESLint } from 'eslint';
import console from 'node:console';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';
import plugin from '../dist/index.js';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url)).replace(/[\\/]$/, '');
const expectedPath = path.join(examplesDir, 'expected.json');
const PATTERN = 'src/**/*.ts';

/** `file rule line:column`, the identity of a finding. */
function keyOf(finding) {
  return `${finding.file} ${finding.rule} ${finding.line}:${finding.column}`;
}

function compareFindings(a, b) {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

function loadExpected() {
  const data = JSON.parse(readFileSync(expectedPath, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${expectedPath}: expected an array of findings`);
  return data.map((entry, index) => {
    const ok =
      entry !== null &&
      typeof entry === 'object' &&
      typeof entry.file === 'string' &&
      typeof entry.rule === 'string' &&
      Number.isInteger(entry.line) &&
      Number.isInteger(entry.column);
    if (!ok) throw new Error(`${expectedPath}[${index}]: need { file, rule, line, column }`);
    return { file: entry.file, rule: entry.rule, line: entry.line, column: entry.column };
  });
}

/** Removes each finding of `subtract` once from `from` (a multiset difference). */
function difference(from, subtract) {
  const counts = new Map();
  for (const finding of subtract) counts.set(keyOf(finding), (counts.get(keyOf(finding)) ?? 0) + 1);
  return from.filter((finding) => {
    const left = counts.get(keyOf(finding)) ?? 0;
    if (left === 0) return true;
    counts.set(keyOf(finding), left - 1);
    return false;
  });
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * One line per example pair, `seed-NNN-…` (the five post-mortems) or
 * `stop-NNN-…` (timers, listeners, loops and promises with no way to stop):
 * which of its two files report, and with which rules.
 */
function seedLines(results, findings) {
  const seeds = new Map();
  for (const result of results) {
    const file = path.relative(examplesDir, result.filePath).split(path.sep).join('/');
    const match = /(?:^|\/)(seed|stop)-(\d+)-([\w-]+?)(\.fixed)?\.ts$/.exec(file);
    if (!match) continue;
    const [, kind, number, slug, fixed] = match;
    const key = `${kind} ${number}`;
    const seed = seeds.get(key) ?? { key, slug, files: [] };
    seed.files.push({ file, fixed: fixed !== undefined });
    seeds.set(key, seed);
  }
  const lines = [];
  for (const seed of [...seeds.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const parts = seed.files
      .sort((a, b) => Number(a.fixed) - Number(b.fixed))
      .map(({ file, fixed }) => {
        const own = findings.filter((finding) => finding.file === file);
        const label = fixed ? 'fixed' : 'leaky';
        if (own.length === 0) return `${label} ${path.basename(file)}: clean`;
        const rules = [...new Set(own.map((finding) => finding.rule))].join(', ');
        return `${label} ${path.basename(file)}: ${plural(own.length, 'finding')} (${rules})`;
      });
    lines.push(`  ${seed.key} ${seed.slug}: ${parts.join('; ')}`);
  }
  return lines;
}

async function main() {
  const expected = loadExpected().sort(compareFindings);
  const eslint = new ESLint({
    cwd: examplesDir,
    overrideConfigFile: true,
    overrideConfig: [plugin.configs.all, { languageOptions: { parserOptions: { tsconfigRootDir: examplesDir } } }],
  });
  const results = await eslint.lintFiles([PATTERN]);
  const formatter = await eslint.loadFormatter('stylish');
  const report = await formatter.format(results);
  if (report.trim() !== '') console.log(report.trimEnd());

  // Every message counts, whatever its rule: a parse error (ruleId null) is a mismatch too.
  const findings = results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(examplesDir, result.filePath).split(path.sep).join('/'),
        rule: message.ruleId ?? (message.fatal ? '(fatal)' : '(none)'),
        line: message.line,
        column: message.column,
        text: message.message,
      })),
    )
    .sort(compareFindings);

  const missing = difference(expected, findings);
  const unexpected = difference(findings, expected);
  const ok = missing.length === 0 && unexpected.length === 0;
  const reporting = new Set(findings.map((finding) => finding.file)).size;

  console.log('');
  console.log(
    `demo: ${plural(findings.length, 'finding')} in ${reporting} of ${plural(results.length, 'file')} ` +
      `(expected ${expected.length}) — ${ok ? 'OK' : 'MISMATCH'}`,
  );
  for (const line of seedLines(results, findings)) console.log(line);
  const others = results
    .map((result) => path.relative(examplesDir, result.filePath).split(path.sep).join('/'))
    .filter((file) => !/(?:^|\/)(seed|stop)-\d+-/.test(file))
    .map((file) => {
      const count = findings.filter((finding) => finding.file === file).length;
      return `${path.basename(file)}: ${count === 0 ? 'clean' : plural(count, 'finding')}`;
    });
  if (others.length > 0) console.log(`  other files: ${others.join('; ')}`);

  if (!ok) {
    console.log('');
    console.log(`differences from ${path.relative(process.cwd(), expectedPath) || expectedPath}:`);
    for (const finding of missing) console.log(`  missing:    ${keyOf(finding)}`);
    for (const finding of unexpected) console.log(`  unexpected: ${keyOf(finding)}  (${finding.text})`);
  }
  process.exitCode = ok ? 0 : 1;
}

/** The file's diagnostics from TypeScript for the program of `dir`'s tsconfig.json, as `file:line TSnnnn`. */
function typeErrors(dir) {
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
  const program = ts.createProgram(config.fileNames, config.options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${path.relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

/** A unified diff of two texts (whole-line LCS; the example files are small). */
function unifiedDiff(name, before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', line: a[i++], at: j++ });
    else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j]))
      ops.push({ kind: '+', line: b[j], at: j++ });
    else ops.push({ kind: '-', line: a[i++], at: j });
  }
  const lines = [`--- examples/${name}`, `+++ fixed/${name}`];
  const context = 2;
  for (let k = 0; k < ops.length;) {
    if (ops[k].kind === ' ') {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') {
        end++;
        continue;
      }
      let run = end;
      while (run < ops.length && ops[run].kind === ' ') run++;
      if (run === ops.length || run - end > 2 * context) break;
      end = run;
    }
    end = Math.min(ops.length, end + context);
    lines.push(`@@ line ${ops[start].at + 1} @@`);
    for (; start < end; start++) lines.push(`${ops[start].kind}${ops[start].line}`);
    k = end;
  }
  return lines.join('\n');
}

/** `npm run demo -- --fix`: the fixes and suggestions applied to a copy of examples/. */
async function fixDemo() {
  // Beside the project, so that the copy's tsconfig.json finds the project's @types/node.
  const copy = mkdtempSync(path.join(examplesDir, '..', '.demo-fix-'));
  try {
    cpSync(examplesDir, copy, { recursive: true });
    const errorsBefore = new Set(typeErrors(copy));
    const options = {
      cwd: copy,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.all, { languageOptions: { parserOptions: { tsconfigRootDir: copy } } }],
    };
    const before = await new ESLint(options).lintFiles([PATTERN]);
    // Per file, rule and message: how many findings there were, and how many had a fix on offer.
    const kindOf = (result, message) => `${result.filePath}\0${message.ruleId}\0${message.messageId}`;
    const found = new Map();
    const offered = new Map();
    for (const result of before)
      for (const message of result.messages) {
        const kind = kindOf(result, message);
        found.set(kind, (found.get(kind) ?? 0) + 1);
        if (message.fix || message.suggestions?.length) offered.set(kind, (offered.get(kind) ?? 0) + 1);
      }

    // eslint --fix: the fixes that change nothing but the paths that throw.
    const fixing = new ESLint({ ...options, fix: true });
    const fixed = await fixing.lintFiles([PATTERN]);
    await ESLint.outputFixes(fixed);
    const byFix = fixed.filter((result) => result.output !== undefined).length;

    // Then the editor's quick fixes: the first suggestion of a finding, one at a time.
    const eslint = new ESLint(options);
    let taken = 0;
    for (const result of before) {
      const file = result.filePath;
      for (let round = 0; round < 50; round++) {
        const text = readFileSync(file, 'utf8');
        const [now] = await eslint.lintText(text, { filePath: file });
        // Of the quick fixes on offer, the one that leaves the fewest findings: replacing a race
        // ends its timer's finding too, where keeping the timer's handle would not end the race's.
        const offers = (now?.messages ?? [])
          .filter((m) => m.ruleId?.startsWith('leaks/'))
          .flatMap((m) => m.suggestions?.slice(0, 1) ?? []);
        let suggestion;
        let fewest = Infinity;
        for (const offer of offers) {
          const output = text.slice(0, offer.fix.range[0]) + offer.fix.text + text.slice(offer.fix.range[1]);
          const [trial] = await eslint.lintText(output, { filePath: file });
          const count = trial?.messages.length ?? Infinity;
          if (count < fewest) {
            fewest = count;
            suggestion = offer;
          }
        }
        await eslint.lintText(text, { filePath: file });
        if (!suggestion) break;
        writeFileSync(
          file,
          text.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + text.slice(suggestion.fix.range[1]),
        );
        taken++;
      }
    }

    let changed = 0;
    for (const result of before) {
      const name = path.relative(copy, result.filePath).split(path.sep).join('/');
      const original = readFileSync(path.join(examplesDir, name), 'utf8');
      const now = readFileSync(result.filePath, 'utf8');
      if (original === now) continue;
      changed++;
      console.log(unifiedDiff(name, original, now));
      console.log('');
    }

    const after = await new ESLint(options).lintFiles([PATTERN]);
    // More findings of a kind than those that had no fix on offer: a fix left its finding.
    const seen = new Map();
    const left = after.flatMap((result) =>
      result.messages
        .filter((message) => {
          const kind = kindOf(result, message);
          seen.set(kind, (seen.get(kind) ?? 0) + 1);
          return message.fatal || (seen.get(kind) ?? 0) > (found.get(kind) ?? 0) - (offered.get(kind) ?? 0);
        })
        .map(
          (message) =>
            `${path.relative(copy, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? '(fatal)'} ${message.message}`,
        ),
    );
    const remaining = after.reduce((n, result) => n + result.messages.length, 0);
    const errors = typeErrors(copy).filter((error) => !errorsBefore.has(error));
    const ok = left.length === 0 && errors.length === 0;
    console.log(
      `demo --fix: ${plural(byFix, 'file')} changed by --fix, ${plural(taken, 'suggestion')} taken, ${plural(changed, 'file')} changed in all; ` +
        `${plural(remaining, 'finding')} left, none that had a fix on offer — ${ok ? 'OK' : 'MISMATCH'}`,
    );
    for (const line of left) console.log(`  left after its fix: ${line}`);
    for (const line of errors) console.log(`  type error added by the fixes: ${line}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

(process.argv.includes('--fix') ? fixDemo() : main()).catch((error) => {
  console.error('demo: failed to run:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
