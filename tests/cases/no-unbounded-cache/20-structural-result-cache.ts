// Source: https://github.com/SchneiderDaniel/cheasee-pi/issues/667
// Bug: the structural-search extension caches every result under (pattern, language, cwd) in a module-level Map with no eviction, and the cache outlives each agent session.
// expect: no-unbounded-cache/mapNeverShrinks 12:7

import { EventEmitter } from 'node:events';

export interface SearchResult {
  matches: number;
  text: string;
}

const RESULT_CACHE = new Map<string, SearchResult>();

export function registerStructuralSearch(events: EventEmitter, run: (pattern: string, cwd: string) => SearchResult) {
  events.on('tool_call', (pattern: string, language: string, cwd: string) => {
    const key = `${pattern}\u0000${language}\u0000${cwd}`;
    const cached = RESULT_CACHE.get(key);
    if (cached) {
      events.emit('tool_result', cached);
      return;
    }
    const result = run(pattern, cwd);
    RESULT_CACHE.set(key, result);
    events.emit('tool_result', result);
  });
}
