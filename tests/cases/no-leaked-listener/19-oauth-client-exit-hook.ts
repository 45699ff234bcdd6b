// Source: https://github.com/QwenLM/qwen-code/issues/312
// Bug: the CLI registered a process 'exit' handler each time it built an OAuth client, so after a few commands Node warned about 11 exit listeners on process.
// expect: no-leaked-listener/inlineListenerNeverRemoved 18:3

export interface OAuthClient {
  token: string;
  flush(): void;
}

export function getOAuthClient(token: string): OAuthClient {
  const pending: string[] = [];
  const client: OAuthClient = {
    token,
    flush: () => {
      pending.length = 0;
    },
  };
  process.on('exit', () => client.flush());
  return client;
}
