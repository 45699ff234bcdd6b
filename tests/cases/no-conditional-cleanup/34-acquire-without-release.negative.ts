// Source: https://github.com/iExecBlockchainComputing/iexec-oracle-contract/issues/4
// Bug: none for this rule: the heartbeat interval is handed back to the caller and never cleared here, and an acquire with no release in the function is not a conditional cleanup.
// expect: none

export type Send = () => Promise<void>;

export async function startHeartbeat(send: Send, everyMs: number): Promise<ReturnType<typeof setInterval>> {
  const interval = setInterval(() => {
    void send();
  }, everyMs);
  await send();
  return interval;
}
