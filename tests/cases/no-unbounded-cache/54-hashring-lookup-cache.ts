// Source: https://github.com/3rd-Eden/node-hashring/issues/8
// Bug: the consistent-hash ring memoised the server chosen for every key it was asked about in a dictionary that was only replaced when servers were added or removed, so with a stable ring it kept every key ever looked up.
// expect: no-unbounded-cache/objectNeverShrinks 11:11
// not yet: a reset on a rare configuration path (a ring change in add()/remove()) is taken as bounding per-key growth

import { createHash } from 'node:crypto';

class HashRing {
  private ring: { point: number; server: string }[] = [];
  private readonly servers = new Set<string>();
  private cache: Record<string, string> = {};

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
    const hit = this.cache[key];
    if (hit) return hit;
    const point = createHash('md5').update(key).digest().readUInt32BE(0);
    const node = this.ring.find((entry) => entry.point >= point) ?? this.ring[0];
    if (!node) return undefined;
    this.cache[key] = node.server;
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
    this.cache = {};
  }
}

export const ring = new HashRing(['10.0.0.1:11211', '10.0.0.2:11211']);
