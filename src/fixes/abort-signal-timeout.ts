/**
 * The fix that drops a race against a timer for a signal: the one call raced
 * gets `AbortSignal.timeout(ms)` in the slot its signature takes a signal in
 * (a parameter, or a property of its options object), and replaces the race.
 * Returns null whenever the result would not be mechanical.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { UnsignalledCall } from '../analysis/raced-work.js';
import type { Timeout } from '../analysis/timeouts.js';

/**
 * `Promise.race([work(a), timeout(ms)])` → `work(a, { signal: AbortSignal.timeout(ms) })`,
 * when the delay is a plain value and the signal's slot is the next argument
 * (or the options object already there).
 */
export function abortSignalTimeoutFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  race: TSESTree.CallExpression,
  target: UnsignalledCall,
  timeout: Timeout | null,
): TSESLint.ReportFixFunction | null {
  const ms = timeout?.ms;
  if (!ms || !isPlainValue(ms)) return null;
  // The reaction computes what the race yields on timeout: dropping the race would drop it.
  if (timeout.chained === true) return null;
  const { call, index, viaOptions } = target;
  const key = target.property ?? 'signal';
  const signal = `AbortSignal.timeout(${sourceCode.getText(ms)})`;
  const callText = sourceCode.getText(call);
  const offset = call.range[0];
  let replacement: string | null = null;
  const existing = call.arguments[index];
  if (viaOptions && existing?.type === AST_NODE_TYPES.ObjectExpression) {
    // The options already name a signal (the caller's): combining them is not mechanical.
    const named = existing.properties.some(
      (p) => p.type !== AST_NODE_TYPES.Property || (p.key.type === AST_NODE_TYPES.Identifier && p.key.name === key),
    );
    if (named) return null;
    const open = existing.range[0] - offset + 1;
    const sep = existing.properties.length > 0 ? ', ' : '';
    replacement = `${callText.slice(0, open)} ${key}: ${signal}${sep}${callText.slice(open).replace(/^\s*/, existing.properties.length > 0 ? '' : ' ')}`;
  } else if (call.arguments.length === index) {
    const arg = viaOptions ? `{ ${key}: ${signal} }` : signal;
    const close = call.range[1] - offset - 1;
    replacement = `${callText.slice(0, close)}${index > 0 ? ', ' : ''}${arg}${callText.slice(close)}`;
  }
  if (replacement === null) return null;
  const text = replacement;
  return (fixer) => fixer.replaceText(race, text);
}

/** A literal, a name, `this`, or a non-computed member chain on one of them: safe to copy into the fix. */
function isPlainValue(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.Identifier ||
    (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainValue(node.object)) ||
    node.type === AST_NODE_TYPES.ThisExpression
  );
}
