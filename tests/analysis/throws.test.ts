/**
 * `callCannotThrow` through a probe rule: at every `probe(call)` it reports
 * whether the call can throw to its caller. Built-ins are known by the
 * declaration the checker resolves, never by the name at the call site.
 */
import { callCannotThrow } from '../../src/analysis/throws.js';
import { typedRuleTester } from '../rule-tester.js';
import { argumentProbe } from './argument-probe.js';

const probe = argumentProbe((arg, services) => (callCannotThrow(arg, services) ? 'cannot throw' : 'may throw'));

const prelude = `declare function probe(value: unknown): void;
declare const handle: ReturnType<typeof setTimeout>;
declare const target: EventTarget;
declare function listener(): void;
`;
const at = (line: number) => line + 4;
const cannot = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'cannot throw' }, line: at(line) });
const may = (line: number) => ({ messageId: 'verdict' as const, data: { verdict: 'may throw' }, line: at(line) });

typedRuleTester().run('throws probe', probe, {
  valid: [],
  invalid: [
    {
      code: `${prelude}probe(clearTimeout(handle));
probe(clearInterval(handle));
probe(Math.floor(performance.now()));
probe(Date.now());
probe(new AbortController().abort());
probe(new Map<string, number>().set('a', 1));
probe(new Set<string>().delete('a'));
probe(target.removeEventListener('x', listener));
probe(Array.isArray(handle));
probe(target.addEventListener('x', listener));
probe('a'.toUpperCase().startsWith('A'));
probe([1].push(2));
probe(handle.unref());
probe(new EventEmitter().on('x', listener).once('y', listener));
import { EventEmitter } from 'node:events';
`,
      errors: [
        cannot(1),
        cannot(2),
        cannot(3),
        cannot(4),
        cannot(5),
        cannot(6),
        cannot(7),
        cannot(8),
        cannot(9),
        cannot(10),
        cannot(11),
        cannot(12),
        cannot(13),
        cannot(14),
      ],
    },
    {
      // Functions of the program: their bodies are read, three calls deep.
      code: `${prelude}function take(items: Map<string, number>, key: string): number {
  const value = items.get(key) ?? 0;
  items.delete(key);
  return Math.max(value, 0);
}
function parse(text: string): unknown { return JSON.parse(text); }
function guarded(text: string): unknown { try { return JSON.parse(text); } catch { return undefined; } }
function rethrows(text: string): unknown { try { return JSON.parse(text); } catch (e) { throw e; } }
function callsParameter(run: () => void): void { run(); }
function sum(list: number[]): number { let total = 0; list.forEach((n) => { total += n; }); return total; }
function checked(list: number[]): number[] { return list.map((n) => { if (n < 0) throw new Error('negative'); return n; }); }
class Registry {
  private items = new Map<string, number>();
  add(key: string): void { this.items.set(key, this.count()); }
  private count(): number { return this.items.size; }
}
function pick(a: string): string;
function pick(a: number): number;
function pick(a: unknown): unknown { return a; }
function d1(): void { d2(); }
function d2(): void { d3(); }
function d3(): void { d4(); }
function d4(): void {}
function e1(): void { e2(); }
function e2(): void { d4(); }
probe(take(new Map(), 'a'));
probe(parse('{}'));
probe(guarded('{}'));
probe(rethrows('{}'));
probe(callsParameter(listener));
probe(sum([1]));
probe(checked([1]));
probe(new Registry().add('a'));
probe(pick('a'));
probe(d1());
probe(e1());
probe(take(new Map(), JSON.stringify(1)));
`,
      errors: [
        cannot(26),
        may(27),
        cannot(28),
        may(29),
        may(30),
        cannot(31),
        may(32),
        cannot(33),
        cannot(34),
        may(35),
        cannot(36),
        may(37),
      ],
    },
    {
      // A body is read up to twelve calls (each argument's own calls read with its call); past that it is taken to throw, unread.
      code: `${prelude}function twelve(n: number): number {
  Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); return Math.max(n);
}
function thirteen(n: number): number {
  Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); Math.max(n); return Math.max(n);
}
probe(twelve(1));
probe(thirteen(1));
`,
      errors: [cannot(7), may(8)],
    },
    {
      // The same names, declared by the program rather than by the library.
      code: `${prelude}const Math = { floor: (n: number): number => { if (n < 0) throw new Error('negative'); return n; } };
function clearTimeout(id: number): void { if (id < 0) throw new Error('bad id'); }
class Map { set(): void { throw new Error('read-only'); } }
probe(Math.floor(1));
probe(clearTimeout(1));
probe(new Map().set());
probe(JSON.parse('{}'));
probe(target.dispatchEvent(new Event('x')));
probe(listener());
`,
      errors: [may(4), may(5), may(6), may(7), may(8), may(9)],
    },
  ],
});
