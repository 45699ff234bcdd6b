// Source: https://github.com/Lamatic/AgentKit/pull/316
// Bug: a module-level Map memoises one compiled RegExp per keyword, but keywords now arrive as free text in request bodies, so each distinct string adds a permanent entry in the long-lived Next.js server.
// expect: no-unbounded-cache/mapNeverShrinks 5:7

const PATTERN_CACHE = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternFor(keyword: string): RegExp {
  let pattern = PATTERN_CACHE.get(keyword);
  if (!pattern) {
    pattern = new RegExp(`\\b${escapeRegExp(keyword)}(?:e?s)?\\b`, 'i');
    PATTERN_CACHE.set(keyword, pattern);
  }
  return pattern;
}

export function findKeyword(text: string, dislikes: readonly string[]): string | undefined {
  return dislikes.find((keyword) => patternFor(keyword).test(text));
}
