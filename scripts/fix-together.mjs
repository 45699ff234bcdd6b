// Every fix and suggestion of our rules on one file, applied all together, as
// an editor user would take them: `--fix` first (ESLint applies all the fixes
// in one run), then the first suggestion of the first finding that offers one,
// linting again after each, until no finding offers one. A suggestion can
// expose a finding that has a fix (a promise that now rejects makes the
// release after its `await` one a throw skips): `--fix` runs again then, as a
// step of its own. Used by
// tests/fixes.test.ts on the case suites and by scripts/check-real.mjs on real
// packages, which both also check each fix and suggestion alone.
//
// The result is a problem when:
// - a text along the way does not parse (ESLint reports a fatal message);
// - a suggestion leaves its finding: its rule reports as many findings right
//   after it as before;
// - the sequence does not converge: a finding comes back with the suggestion
//   that was already taken for it (same rule, message, flagged code and
//   suggestion), or the sequence is still going after `cap` steps;
// - a second `--fix` pass on the final text changes it;
// - a finding in the final text offers a fix or a suggestion;
// - the final text has, of some rule and message, more findings than the
//   original had without a fix or suggestion on offer: a finding that had one
//   is still there (it lost its offer on the way). A fix may expose findings of
//   another kind (a race replaced, its timer now reported): those are allowed,
//   but fewer than the fixes took away: the final text has fewer findings than
//   the original.
//
// The caller checks the final text with TypeScript (no diagnostic added to the
// file), with the diagnostics it already has for the file alone.

/** Our findings: the messages of the plugin's rules. */
function ours(result) {
  return result.messages.filter((message) => message.ruleId?.startsWith('leaks/'));
}

function offers(message) {
  return Boolean(message.fix) || (message.suggestions?.length ?? 0) > 0;
}

/** `rule/messageId`, what the final count is compared by. */
function kindOf(message) {
  return `${message.ruleId ?? '?'}/${message.messageId ?? '?'}`;
}

/** The code a message flags, from its start to its end. */
function flagged(text, message) {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const offset = (line, column) => (starts[line - 1] ?? text.length) + column - 1;
  const start = offset(message.line, message.column);
  const end = message.endLine === undefined ? start : offset(message.endLine, message.endColumn ?? message.column);
  return text.slice(start, end);
}

function apply(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function count(messages, key) {
  const counts = new Map();
  for (const message of messages) counts.set(key(message), (counts.get(key(message)) ?? 0) + 1);
  return counts;
}

/**
 * Applies every fix and then, one at a time, the first suggestion of each
 * finding in `text` (whose lint result is `result`), and checks the sequence and
 * its final text. `lint` and `fix` lint a text as the file, without and with
 * `fix: true`, and give null when ESLint threw (the caller reports that).
 *
 * @param {{ text: string, result: import('eslint').ESLint.LintResult,
 *   lint: (text: string) => Promise<import('eslint').ESLint.LintResult | null>,
 *   fix: (text: string) => Promise<import('eslint').ESLint.LintResult | null>, cap?: number }} options
 * @returns {Promise<{ output: string, steps: string[], problems: string[] }>}
 */
export async function applyTogether({ text, result, lint, fix, cap = 50 }) {
  const steps = [];
  const problems = [];
  const fail = (what, output) =>
    problems.push(`${what}\n  after --fix${steps.map((step) => `, then ${step}`).join('')}\n${diff(text, output)}`);
  const original = ours(result);
  const offered = count(original.filter(offers), kindOf);
  const allowed = count(original, kindOf);
  for (const [kind, n] of offered) allowed.set(kind, (allowed.get(kind) ?? 0) - n);

  const fixed = await fix(text);
  if (!fixed) return { output: text, steps, problems };
  let output = fixed.output ?? text;
  /** Per finding and suggestion: how often it was taken, and the most of them seen in one text. */
  const taken = new Map();
  const most = new Map();
  let now = fixed;
  for (;;) {
    if (now.messages.some((message) => message.fatal)) {
      fail('the text does not parse:', output);
      return { output, steps, problems };
    }
    if (steps.length > 0 && ours(now).some((m) => m.fix)) {
      if (steps.length >= cap) {
        fail(`the sequence does not converge: --fix still has work after ${String(cap)} steps:`, output);
        return { output, steps, problems };
      }
      const refixed = await fix(output);
      if (!refixed) return { output, steps, problems };
      if (refixed.output !== undefined && refixed.output !== output) {
        output = refixed.output;
        now = refixed;
        steps.push('--fix');
        continue;
      }
    }
    const findings = ours(now);
    const keyOf = (message) => {
      const [suggestion] = message.suggestions ?? [];
      return `${kindOf(message)} at "${flagged(output, message)}": ${suggestion?.desc ?? ''}`;
    };
    for (const [key, n] of count(findings, keyOf)) most.set(key, Math.max(most.get(key) ?? 0, n));
    const message = findings.find((m) => (m.suggestions?.length ?? 0) > 0);
    if (!message?.suggestions?.[0]) break;
    const [suggestion] = message.suggestions;
    const key = keyOf(message);
    const step = `the suggestion "${suggestion.desc}" of ${message.ruleId ?? '?'} (line ${String(message.line)})`;
    if ((taken.get(key) ?? 0) >= (most.get(key) ?? 0)) {
      fail(`the sequence does not converge: ${step} is offered again after it was taken:`, output);
      return { output, steps, problems };
    }
    if (steps.length >= cap) {
      fail(`the sequence does not converge: ${step} is still offered after ${String(cap)} steps:`, output);
      return { output, steps, problems };
    }
    taken.set(key, (taken.get(key) ?? 0) + 1);
    const before = findings.filter((m) => m.ruleId === message.ruleId).length;
    output = apply(output, suggestion.fix);
    steps.push(step);
    const next = await lint(output);
    if (!next) return { output, steps, problems };
    now = next;
    if (!now.messages.some((m) => m.fatal) && ours(now).filter((m) => m.ruleId === message.ruleId).length >= before) {
      fail(`${step} leaves its finding:`, output);
    }
  }

  const again = await fix(output);
  if (again?.output !== undefined && again.output !== output) {
    fail(`a second --fix pass changes the code again:\n${diff(output, again.output)}`, output);
  }
  const left = ours(now);
  for (const message of left.filter(offers)) {
    fail(
      `line ${String(message.line)}: ${kindOf(message)} still offers a fix or suggestion: ${message.message}`,
      output,
    );
  }
  for (const [kind, n] of count(left, kindOf)) {
    if ((offered.get(kind) ?? 0) > 0 && n > (allowed.get(kind) ?? 0)) {
      fail(
        `${kind}: ${String(n)} finding(s) left where the original had ${String(allowed.get(kind) ?? 0)} without a fix or suggestion:`,
        output,
      );
    }
  }
  if (left.length >= original.length) {
    fail(`${String(left.length)} finding(s) left of ${String(original.length)}: no fewer than before:`, output);
  }
  return { output, steps, problems };
}

/** The changed lines of `after` against `before`, for a report. */
export function diff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const removed = a.slice(start, endA).map((line) => `  - ${line}`);
  const added = b.slice(start, endB).map((line) => `  + ${line}`);
  return [`  @@ line ${String(start + 1)}`, ...removed, ...added].join('\n');
}
