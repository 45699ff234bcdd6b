import rule from '../../src/rules/no-unbounded-cache.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

ruleTester.run('no-unbounded-cache', rule, {
  valid: [
    `
const local = () => { const m = new Map<string, number>(); m.set('a', 1); return m.size; };
export { local };
`,
  ],
  invalid: [
    {
      code: `
const seen = new Set<string>();
export function handle(id: string): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  return true;
}
`,
      errors: [{ messageId: 'mapNeverShrinks', line: 2, column: 7 }],
    },
  ],
});
