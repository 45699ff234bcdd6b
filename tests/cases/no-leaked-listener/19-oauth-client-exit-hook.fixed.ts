// Source: https://github.com/QwenLM/qwen-code/issues/312
// Bug: fixed twin: one client is cached and its exit handler is registered once, guarded by the cache.
// expect: none

export interface OAuthClient {
  token: string;
  flush(): void;
}

let cached: OAuthClient | undefined;

export function getOAuthClient(token: string): OAuthClient {
  if (cached) return cached;
  const pending: string[] = [];
  const client: OAuthClient = {
    token,
    flush: () => {
      pending.length = 0;
    },
  };
  cached = client;
  process.on('exit', () => client.flush());
  return client;
}
