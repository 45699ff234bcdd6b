// Source: https://github.com/ryanhugh/searchneu/issues/34
// Bug: the backend search kept the ranked result refs of every search term in a `refCache` dictionary so that later pages could be sliced from it, and with many people searching the dictionary grew until the server ran out of memory.
// expect: no-unbounded-cache/objectNeverShrinks 17:20

export interface Ref {
  id: string;
  score: number;
}

export interface SearchIndex {
  query(term: string): Ref[];
}

const PAGE_SIZE = 10;

class Search {
  private readonly refCache: Record<string, { refs: Ref[]; time: number }> = {};

  constructor(private readonly index: SearchIndex) {}

  search(term: string, page: number): Ref[] {
    const key = term.trim().toLowerCase();
    let entry = this.refCache[key];
    if (!entry) {
      entry = { refs: this.index.query(key).sort((a, b) => b.score - a.score), time: Date.now() };
      this.refCache[key] = entry;
    }
    return entry.refs.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  }
}

export const searcher = new Search({ query: () => [] });
