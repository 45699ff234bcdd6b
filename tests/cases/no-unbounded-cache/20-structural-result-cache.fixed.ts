// Source: https://github.com/SchneiderDaniel/cheasee-pi/issues/667
// Bug: fixed (cheasee-pi, closing #667): the cache is cleared from the session_shutdown listener so nothing bleeds across sessions.
// expect: none

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
  events.on('session_shutdown', () => {
    RESULT_CACHE.clear();
  });
}
