/**
 * `hasBoundedDomain` and the program index's call sites, through a probe rule:
 * at every `probe(value)` it reports whether the value can only be one written
 * in the source (`bounded`) or may carry outside data (`open`).
 */
import ts from 'typescript';
import { hasBoundedDomain } from '../../src/analysis/domains.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const probe = argumentProbe((arg, services) => {
  const tsNode = services.esTreeNodeToTSNodeMap.get(arg);
  return ts.isExpression(tsNode) && hasBoundedDomain(services.program, tsNode) ? 'bounded' : 'open';
});

const prelude = `declare function probe(value: unknown): void;
declare const request: { id: string; path: string };
`;
const at = (line: number) => line + 2;
const bounded = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'bounded' }, line: at(line) });
const open = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'open' }, line: at(line) });

typedRuleTester().run('domains probe', probe, {
  valid: [],
  invalid: [
    {
      // Literals, constants, templates and elements of constants.
      code: `${prelude}const PREFIX = 'cache';
const NAMES = ['a', 'b'];
const LETTERS = 'abc';
probe('x');
probe(\`\${PREFIX}:\${NAMES[0]}\`);
probe(LETTERS[request.id.length]);
for (const name of NAMES) probe(name);
probe(PREFIX + request.id);
probe(request.id);
let changing = 'a';
probe(changing);
`,
      errors: [bounded(4), bounded(5), bounded(6), bounded(7), open(8), open(9), open(11)],
    },
    {
      // Built-ins that make their result from their inputs alone keep a bounded domain; a join needs
      // a bounded length too (a tuple, a constant list), not only bounded elements.
      code: `${prelude}type Kind = 'audio' | 'video';
declare const kinds: Kind[];
declare const names: string[];
const NAME = 'Cache';
probe(kinds.join(','));
probe(names.join(','));
probe(NAME.toLowerCase());
probe(request.id.toLowerCase());
probe(String(kinds[0]));
probe(String(request.id));
probe(NAME.slice(0, request.id.length));
declare const pair: [Kind, Kind];
probe(pair.join(','));
probe(['a', NAME].join(','));
`,
      errors: [open(5), open(6), bounded(7), open(8), bounded(9), open(10), open(11), bounded(13), bounded(14)],
    },
    {
      // A parameter takes the domain of every call of its function in the program.
      code: `${prelude}function warnOnce(message: string): void { probe(message); }
warnOnce('first');
warnOnce(\`second \${'literal'}\`);
function remember(key: string): void { probe(key); }
remember('a');
remember(request.path);
function passed(key: string): void { probe(key); }
passed('a');
['b'].forEach(passed);
function reassigned(key: string): void { key = key.trim(); probe(key); }
reassigned('a');
function defaulted(key = 'none'): void { probe(key); }
defaulted();
defaulted('other');
function never(key: string): void { probe(key); }
function aliased(key: string): void { probe(key); }
aliased('a');
export { aliased as label };
`,
      // \`aliased\` is exported under another name: importers call it by that name, with anything.
      errors: [bounded(1), open(4), open(7), open(10), bounded(12), open(15), open(16)],
    },
    {
      // Through methods, a chain of helpers, and recursion.
      code: `${prelude}class Counter {
  count(name: string): void { probe(name); this.record(name); }
  private record(name: string): void { probe(name); }
  spread(...names: string[]): void { for (const name of names) probe(name); }
}
const counter = new Counter();
counter.count('hits');
counter.count('misses');
counter.spread('a', 'b');
function walk(depth: number, label: 'in' | 'out'): void { probe(label); if (depth > 0) walk(depth - 1, label); }
walk(3, 'in');
`,
      errors: [bounded(2), bounded(3), open(4), bounded(10)],
    },
    {
      // A method named like a library's (\`push\`) is still followed; one named like an interface of the program is not.
      code: `${prelude}class DelayQueue {
  push(bucket: string): void { probe(bucket); }
}
interface Sink { write(key: string): void }
class FileSink implements Sink {
  write(key: string): void { probe(key); }
}
class Cluster {
  private readonly queue = new DelayQueue();
  private readonly pending: string[] = [];
  refresh(): void {
    this.pending.push(request.id);
    this.queue.push('moved');
    this.queue.push('refresh');
    new FileSink().write('a');
  }
}
`,
      errors: [bounded(2), open(6)],
    },
    {
      // A key made by a helper whose every return is bounded.
      code: `${prelude}type Purpose = 'usermedia' | 'screenshare';
function keyOf(purpose: Purpose, kind: string): string {
  return \`\${purpose}:\${kind}\`;
}
function slug(text: string): string {
  return text.trim().toLowerCase();
}
probe(keyOf('usermedia', 'audio'));
keyOf('screenshare', 'video');
probe(slug(request.path));
`,
      errors: [bounded(8), open(10)],
    },
  ],
});
