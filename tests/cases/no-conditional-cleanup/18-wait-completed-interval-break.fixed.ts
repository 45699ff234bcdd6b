// Source: https://github.com/iExecBlockchainComputing/iexec-oracle-contract/issues/4
// Bug: fixed: the polling loop runs inside try and the interval is cleared in finally, so failure, exhaustion and errors all stop it.
// expect: none

export interface OracleStatus {
  state: 'pending' | 'completed' | 'failed';
  value?: string;
}

export interface Oracle {
  status(id: string): Promise<OracleStatus>;
  log(message: string): void;
}

export async function waitCompleted(oracle: Oracle, id: string, maxPolls: number): Promise<string | undefined> {
  const heartbeat = setInterval(() => oracle.log(`still waiting for ${id}`), 1000);
  try {
    for (let poll = 0; poll < maxPolls; poll++) {
      const status = await oracle.status(id);
      if (status.state === 'failed') {
        return undefined;
      }
      if (status.state === 'completed') {
        return status.value;
      }
    }
    return undefined;
  } finally {
    clearInterval(heartbeat);
  }
}
