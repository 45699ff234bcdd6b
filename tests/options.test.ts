/**
 * Bad configuration: an invalid value for any option of any rule stops ESLint
 * with its schema error for that rule. Every option in a rule's schema must
 * have a case here: a new option without one fails the coverage test.
 *
 * ESLint's flat-config message names the rule and the bad value; it names the
 * property itself only when the property is unknown or missing (ajv's type
 * errors carry no path in ESLint's format).
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

type RuleName = keyof typeof plugin.rules;

/** The parts of a JSON schema that declare options. */
interface OptionsSchema {
  type?: unknown;
  properties?: Record<string, { type?: unknown; items?: unknown }>;
}

interface BadOption {
  /** The option's path in the schema: `pairs[].acquire` is `acquire` in an item of `pairs`. */
  option: string;
  value: unknown;
  /** ESLint's message after `Key "rules": Key "leaks/<rule>":`. */
  message: string;
}

const cases: Record<RuleName, BadOption[]> = {
  'no-abandoned-race': [
    {
      option: 'checkUncancellableWork',
      value: { checkUncancellableWork: 'yes' },
      message: 'Value "yes" should be boolean.',
    },
    {
      option: 'timeoutHelpers',
      value: { timeoutHelpers: 'withTimeout' },
      message: 'Value "withTimeout" should be array.',
    },
    { option: 'timeoutHelpers', value: { timeoutHelpers: [1] }, message: 'Value 1 should be string.' },
  ],
  'no-conditional-cleanup': [
    { option: 'assumeCallsThrow', value: { assumeCallsThrow: 1 }, message: 'Value 1 should be boolean.' },
    { option: 'autofix', value: { autofix: 'no' }, message: 'Value "no" should be boolean.' },
    { option: 'pairs', value: { pairs: {} }, message: 'Value {} should be array.' },
    {
      option: 'pairs[].acquire',
      value: { pairs: [{ acquire: 1, release: 'close' }] },
      message: 'Value 1 should be string.',
    },
    {
      option: 'pairs[].acquire',
      value: { pairs: [{ release: 'close' }] },
      message: `Value {"release":"close"} should have required property 'acquire'.`,
    },
    {
      option: 'pairs[].release',
      value: { pairs: [{ acquire: 'open', release: null }] },
      message: 'Value null should be string.',
    },
    {
      option: 'pairs[].release',
      value: { pairs: [{ acquire: 'open' }] },
      message: `Value {"acquire":"open"} should have required property 'release'.`,
    },
    {
      option: 'pairs[].type',
      value: { pairs: [{ acquire: 'open', release: 'close', type: 'Pool' }] },
      message: 'Value "Pool" should be array.',
    },
    {
      option: 'pairs[].type',
      value: { pairs: [{ acquire: 'open', release: 'close', type: [{ from: 'package', name: 'Pool' }] }] },
      message: [
        'Value {"from":"package","name":"Pool"} should be string.',
        'Value "package" should be equal to one of the allowed values.',
        'Value "package" should be equal to one of the allowed values.',
        `Value {"from":"package","name":"Pool"} should have required property 'package'.`,
        'Value {"from":"package","name":"Pool"} should match exactly one schema in oneOf.',
      ].join('\n\t'),
    },
    {
      option: 'pairs[]',
      value: { pairs: [{ acquire: 'open', release: 'close', owner: 'this' }] },
      message:
        'Value {"acquire":"open","release":"close","owner":"this"} should NOT have additional properties.\n' +
        '\t\tUnexpected property "owner". Expected properties: "acquire", "release", "type".',
    },
  ],
  'no-unbounded-cache': [
    { option: 'allow', value: { allow: 'LRUCache' }, message: 'Value "LRUCache" should be array.' },
    { option: 'checkArrays', value: { checkArrays: 'yes' }, message: 'Value "yes" should be boolean.' },
    { option: 'checkEscaped', value: { checkEscaped: 0 }, message: 'Value 0 should be boolean.' },
    { option: 'checkClosures', value: { checkClosures: 'on' }, message: 'Value "on" should be boolean.' },
    { option: 'checkObjects', value: { checkObjects: null }, message: 'Value null should be boolean.' },
    { option: 'checkUntraced', value: { checkUntraced: 1 }, message: 'Value 1 should be boolean.' },
  ],
  'no-leaked-listener': [
    { option: 'checkOnce', value: { checkOnce: 'always' }, message: 'Value "always" should be boolean.' },
  ],
  'no-leaked-timer': [
    { option: 'teardownMethods', value: { teardownMethods: 'close' }, message: 'Value "close" should be array.' },
    { option: 'teardownMethods', value: { teardownMethods: [1] }, message: 'Value 1 should be string.' },
    {
      option: 'teardownMethods',
      value: { teardownMethods: ['close', 'close'] },
      message: 'Value ["close","close"] should NOT have duplicate items (items ## 1 and 0 are identical).',
    },
  ],
  'no-unsettled-promise': [
    { option: 'checkCallbacks', value: { checkCallbacks: 'no' }, message: 'Value "no" should be boolean.' },
    { option: 'checkEvents', value: { checkEvents: 0 }, message: 'Value 0 should be boolean.' },
  ],
  'no-unstoppable-loop': [
    { option: 'checkYieldingLoops', value: { checkYieldingLoops: 'yes' }, message: 'Value "yes" should be boolean.' },
  ],
};

/** The options a schema declares, as paths: `checkArrays`, `pairs`, `pairs[].acquire`. */
function optionPaths(schema: OptionsSchema, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    paths.push(path);
    const items = property.items as OptionsSchema | undefined;
    if (property.type === 'array' && items?.type === 'object') paths.push(...optionPaths(items, `${path}[].`));
  }
  return paths;
}

function verifyWith(rule: RuleName, options: unknown[]): () => void {
  const linter = new Linter({ configType: 'flat' });
  return () =>
    linter.verify(
      '',
      [
        {
          plugins: { leaks: plugin.configs.all.plugins?.leaks ?? {} },
          rules: { [`leaks/${rule}`]: ['error', ...options] },
        },
      ],
      'file.js',
    );
}

describe.each(Object.keys(plugin.rules) as RuleName[])('leaks/%s options', (rule) => {
  const schema = plugin.rules[rule].meta.schema;
  const objectSchema = (Array.isArray(schema) ? schema[0] : undefined) as OptionsSchema | undefined;

  it('has a case for every option in its schema', () => {
    expect(objectSchema?.type).toBe('object');
    const declared = optionPaths(objectSchema ?? {});
    const covered = new Set(cases[rule].map((c) => c.option));
    expect(declared.filter((path) => !covered.has(path))).toEqual([]);
  });

  it.each(cases[rule].map((c) => [c.option, JSON.stringify(c.value), c] as const))(
    'rejects %s: %s',
    (_option, _value, { value, message }) => {
      expect(verifyWith(rule, [value])).toThrow(`Key "rules": Key "leaks/${rule}":\n\t${message}\n`);
    },
  );

  it('rejects an unknown option, naming it and the known ones', () => {
    const known = Object.keys(objectSchema?.properties ?? {})
      .map((name) => `"${name}"`)
      .join(', ');
    expect(verifyWith(rule, [{ chekArrays: true }])).toThrow(
      /should NOT have additional properties\.\n\t\tUnexpected property "chekArrays"\. Expected properties: (.*)\.\n$/,
    );
    expect(verifyWith(rule, [{ chekArrays: true }])).toThrow(`Expected properties: ${known}.`);
  });

  it('rejects options that are not an object, and a second options object', () => {
    expect(verifyWith(rule, ['strict'])).toThrow(
      `Key "rules": Key "leaks/${rule}":\n\tValue "strict" should be object.\n`,
    );
    expect(verifyWith(rule, [{}, {}])).toThrow(/should NOT have more than 1 items\.\n$/);
  });

  it('accepts the options of the `all` config (and gets as far as asking for type information)', () => {
    const entry = plugin.configs.all.rules?.[`leaks/${rule}`];
    const options = Array.isArray(entry) ? entry.slice(1) : [];
    expect(verifyWith(rule, options)).toThrow(/requires type information/);
  });
});
