#!/usr/bin/env node
/**
 * Recall and quiet rate of one config on the labelled case suites, per rule.
 *
 *   npm run build && node scripts/case-recall.mjs [recommended|strict|all] [--since rule=N ...]
 *
 * A leaky case is found when every finding its header expects for its own rule
 * is reported; a fixed twin or negative is quiet when its own rule reports
 * nothing it does not expect. `--since no-unbounded-cache=39` counts only the
 * cases numbered 39 and up for that rule (the cases added after a change).
 * `--options rule='{"checkUntraced":false}'` merges options into that rule's
 * entry in the config. Rules the config leaves off are listed as off. Figures
 * are printed, never asserted.
 */
import { ESLint } from 'eslint';
import console from 'node:console';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import plugin from '../dist/index.js';

const args = process.argv.slice(2);
const configName = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'recommended';
const config = plugin.configs[configName];
if (!config) {
  console.error(`unknown config "${configName}"; use recommended, strict or all`);
  process.exit(2);
}
const since = new Map();
const overrides = {};
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--options') {
    const text = args[i + 1] ?? '';
    const rule = text.slice(0, text.indexOf('='));
    const entry = config.rules?.[`leaks/${rule}`];
    if (!entry) {
      console.error(`--options takes rule={...} for a rule the config turns on, not "${text}"`);
      process.exit(2);
    }
    const [level, options = {}] = Array.isArray(entry) ? entry : [entry];
    overrides[`leaks/${rule}`] = [level, { ...options, ...JSON.parse(text.slice(rule.length + 1)) }];
    continue;
  }
  if (args[i] !== '--since') continue;
  const [rule, from] = (args[i + 1] ?? '').split('=');
  if (!rule || !/^\d+$/.test(from ?? '')) {
    console.error('--since takes rule=N, e.g. --since no-unbounded-cache=39');
    process.exit(2);
  }
  since.set(rule, Number(from));
}

const casesDir = path.join(import.meta.dirname, '..', 'tests', 'cases');
const eslint = new ESLint({
  cwd: casesDir,
  overrideConfigFile: true,
  overrideConfig: [config, { rules: overrides, languageOptions: { parserOptions: { tsconfigRootDir: casesDir } } }],
});

const rows = [];
for (const rule of Object.keys(plugin.rules).sort()) {
  const dir = path.join(casesDir, rule);
  let files;
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.lib.ts'));
  } catch {
    continue;
  }
  const from = since.get(rule) ?? 0;
  files = files.filter((name) => Number(/^(\d+)/.exec(name)?.[1] ?? 0) >= from).sort();
  const enabled = `leaks/${rule}` in (config.rules ?? {});
  const row = { rule, enabled, leaky: 0, found: 0, clean: 0, quiet: 0, missed: [], noisy: [] };
  if (enabled) {
    const results = await eslint.lintFiles(files.map((name) => path.join(dir, name)));
    for (const result of results) {
      const name = path.basename(result.filePath);
      const text = readFileSync(result.filePath, 'utf8');
      const expected = [...text.matchAll(/^\/\/ expect: ([\w-]+)\/(\w+) (\d+):(\d+)$/gm)]
        .filter((m) => m[1] === rule)
        .map((m) => `${m[2]} ${m[3]}:${m[4]}`);
      const actual = result.messages
        .filter((m) => m.ruleId === `leaks/${rule}`)
        .map((m) => `${m.messageId} ${String(m.line)}:${String(m.column)}`);
      const leaky = !/\.(fixed|negative)\.ts$/.test(name);
      if (leaky) {
        row.leaky++;
        if (expected.length > 0 && expected.every((e) => actual.includes(e))) row.found++;
        else row.missed.push(name);
      } else {
        row.clean++;
        if (actual.every((a) => expected.includes(a))) row.quiet++;
        else row.noisy.push(name);
      }
    }
  }
  rows.push(row);
}

console.log(
  `config: ${configName}${since.size > 0 ? ` (since ${[...since].map(([r, n]) => `${r}=${n}`).join(', ')})` : ''}`,
);
console.log('| rule | leaky found | fixed/negative quiet |');
console.log('| --- | --- | --- |');
for (const row of rows) {
  if (!row.enabled) console.log(`| ${row.rule} | off | off |`);
  else console.log(`| ${row.rule} | ${row.found}/${row.leaky} | ${row.quiet}/${row.clean} |`);
}
for (const row of rows) {
  if (row.missed.length > 0) console.log(`${row.rule} missed: ${row.missed.join(', ')}`);
  if (row.noisy.length > 0) console.log(`${row.rule} noisy: ${row.noisy.join(', ')}`);
}
