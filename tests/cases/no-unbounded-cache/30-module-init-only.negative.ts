// Source: https://github.com/Lamatic/AgentKit/pull/316
// Bug: none: the keyword table is compiled once at module load from constants (the original, safe use of this cache) and only read afterwards.
// expect: none

const DISLIKE_KEYWORDS = ['egg', 'oat', 'prawn', 'tomato', 'peanut'] as const;

const PATTERNS = new Map<string, RegExp>();
for (const keyword of DISLIKE_KEYWORDS) {
  PATTERNS.set(keyword, new RegExp(`\\b${keyword}(?:e?s)?\\b`, 'i'));
}

const KNOWN = new Set<string>();
KNOWN.add('vegan');
KNOWN.add('vegetarian');

export function matchingDislikes(text: string): string[] {
  const found: string[] = [];
  for (const [keyword, pattern] of PATTERNS) if (pattern.test(text)) found.push(keyword);
  return found;
}

export function isKnownDiet(diet: string): boolean {
  return KNOWN.has(diet);
}
