// Source: https://github.com/ipfs-inactive/interface-js-ipfs-core/pull/274
// Bug: the pubsub peer-wait helper cleared its polling interval before the success callback but not on the error branch, so after a failure the interval kept firing the callback every 500 ms.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 21:5

export interface PeersResult {
  error?: Error;
  peers: string[];
}

export interface PubSub {
  ping(topic: string): void;
  peers(topic: string): Promise<PeersResult>;
}

export type Done = (error?: Error) => void;

export async function waitForPeers(pubsub: PubSub, topic: string, expected: readonly string[], done: Done): Promise<void> {
  const interval = setInterval(() => pubsub.ping(topic), 500);
  const result = await pubsub.peers(topic);
  if (result.error === undefined) {
    clearInterval(interval);
    const missing = expected.filter((peer) => !result.peers.includes(peer));
    done(missing.length > 0 ? new Error(`missing peers: ${missing.join(', ')}`) : undefined);
  } else {
    done(result.error);
  }
}
