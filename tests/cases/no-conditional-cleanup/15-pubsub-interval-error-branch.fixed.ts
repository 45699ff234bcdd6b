// Source: https://github.com/ipfs-inactive/interface-js-ipfs-core/pull/274
// Bug: fixed: the interval is cleared in finally, so the error branch (and a rejected peers call) stop it as well.
// expect: none

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
  let result: PeersResult;
  try {
    result = await pubsub.peers(topic);
  } finally {
    clearInterval(interval);
  }
  if (result.error === undefined) {
    const missing = expected.filter((peer) => !result.peers.includes(peer));
    done(missing.length > 0 ? new Error(`missing peers: ${missing.join(', ')}`) : undefined);
  } else {
    done(result.error);
  }
}
