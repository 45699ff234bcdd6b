// The demo: lint the example service in examples/ with `configs.all` (every
// rule, so that each seed's leak is shown by the rule that answers it)
// and check that the findings are exactly the ones in examples/expected.json.
//
//   npm run demo            (builds dist/ first, then runs this script)
//
// Prints ESLint's stylish report, a summary line and one line per seed, and exits
// 0 when the findings (file, rule, line, column) equal expected.json, 1 otherwise.
// ESLint's own error count does not decide the exit code: the leaky examples are
// meant to be reported.
import { ESLint } from 'eslint';
import console from 'node:console';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
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

main().catch((error) => {
  console.error('demo: failed to run:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
