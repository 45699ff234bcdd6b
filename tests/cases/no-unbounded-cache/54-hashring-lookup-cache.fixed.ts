// Source: https://github.com/3rd-Eden/node-hashring/issues/8
// Bug: fixed (the PR replaces the dictionary with an LRU cache; here `lru-cache`): lookups are memoised in a cache capped by entry count, still emptied on every ring change.
// expect: none

import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

class HashRing {
  private ring: { point: number; server: string }[] = [];
  private readonly servers = new Set<string>();
  private readonly cache = new LRUCache<string, string>({ max: 5000 });

  constructor(servers: string[]) {
    for (const server of servers) this.servers.add(server);
    this.continuum();
  }

  add(server: string): void {
    this.servers.add(server);
    this.continuum();
  }

  remove(server: string): void {
    this.servers.delete(server);
    this.continuum();
  }

  get(key: string): string | undefined {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const point = createHash('md5').update(key).digest().readUInt32BE(0);
    const node = this.ring.find((entry) => entry.point >= point) ?? this.ring[0];
    if (!node) return undefined;
    this.cache.set(key, node.server);
    return node.server;
  }

  private continuum(): void {
    this.ring = [...this.servers]
      .flatMap((server) =>
        Array.from({ length: 40 }, (_, i) => ({
          point: createHash('md5').update(`${server}-${i}`).digest().readUInt32BE(0),
          server,
        })),
      )
      .sort((a, b) => a.point - b.point);
    this.cache.clear();
  }
}

export const ring = new HashRing(['10.0.0.1:11211', '10.0.0.2:11211']);
