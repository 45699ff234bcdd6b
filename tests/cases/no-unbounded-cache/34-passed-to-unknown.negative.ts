// Source: https://github.com/sindresorhus/memoize/issues/14
// Bug: none by this rule: the cache Map is handed to a function this file cannot see (as mem lets callers pass their own cache and empty it on a timer), so someone else may bound it.
// expect: none

declare function registerCacheForEviction(name: string, cache: Map<string, unknown>): void;

const profileCache = new Map<string, unknown>();
registerCacheForEviction('profiles', profileCache);

export async function loadProfile(id: string, fetchProfile: (id: string) => Promise<unknown>): Promise<unknown> {
  const cached = profileCache.get(id);
  if (cached !== undefined) return cached;
  const profile = await fetchProfile(id);
  profileCache.set(id, profile);
  return profile;
}
