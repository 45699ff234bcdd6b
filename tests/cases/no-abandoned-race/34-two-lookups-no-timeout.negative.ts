// Source: https://github.com/rugk/mastodon-simplified-federation/pull/72
// Bug: none for this rule: two lookup methods (API and page scrape) are raced with Promise.any() and no timeout element, so no timer can be abandoned and the rule is out of scope.
// expect: none

declare function tootIdFromApi(url: string): Promise<string>;
declare function tootIdFromPage(url: string): Promise<string>;

export async function resolveTootId(url: string): Promise<string | null> {
  try {
    return await Promise.any([tootIdFromApi(url), tootIdFromPage(url)]);
  } catch {
    return null;
  }
}
