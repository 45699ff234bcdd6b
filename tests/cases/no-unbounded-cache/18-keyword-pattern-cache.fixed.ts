// Source: https://github.com/Lamatic/AgentKit/pull/316
// Bug: fixed (as the review asked): the pattern cache has a size ceiling and evicts its oldest entry when a new keyword would exceed it.
// expect: none

const MAX_PATTERNS = 500;
const PATTERN_CACHE = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternFor(keyword: string): RegExp {
  let pattern = PATTERN_CACHE.get(keyword);
  if (!pattern) {
    pattern = new RegExp(`\\b${escapeRegExp(keyword)}(?:e?s)?\\b`, 'i');
    if (PATTERN_CACHE.size >= MAX_PATTERNS) {
      const oldest = PATTERN_CACHE.keys().next().value;
      if (oldest !== undefined) PATTERN_CACHE.delete(oldest);
    }
    PATTERN_CACHE.set(keyword, pattern);
  }
  return pattern;
}

export function findKeyword(text: string, dislikes: readonly string[]): string | undefined {
  return dislikes.find((keyword) => patternFor(keyword).test(text));
}
