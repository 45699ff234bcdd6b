// Source: https://github.com/ryanhugh/searchneu/issues/34
// Bug: fixed (*idiomatic*; the project's commit is not shown in the issue): the refs are kept in an LRU cache bounded by entry count and age.
// expect: none

import { LRUCache } from 'lru-cache';

export interface Ref {
  id: string;
  score: number;
}

export interface SearchIndex {
  query(term: string): Ref[];
}

const PAGE_SIZE = 10;

class Search {
  private readonly refCache = new LRUCache<string, { refs: Ref[]; time: number }>({ max: 500, ttl: 10 * 60_000 });

  constructor(private readonly index: SearchIndex) {}

  search(term: string, page: number): Ref[] {
    const key = term.trim().toLowerCase();
    let entry = this.refCache.get(key);
    if (!entry) {
      entry = { refs: this.index.query(key).sort((a, b) => b.score - a.score), time: Date.now() };
      this.refCache.set(key, entry);
    }
    return entry.refs.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  }
}

export const searcher = new Search({ query: () => [] });
