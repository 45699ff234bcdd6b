// Source: https://github.com/iExecBlockchainComputing/iexec-oracle-contract/issues/4
// Bug: waitCompleted() cleared its polling interval only on the completion branch and not on the error path, so a failed (or never-completing) wait left the interval running.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 24:7

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
  let result: string | undefined;
  for (let poll = 0; poll < maxPolls; poll++) {
    const status = await oracle.status(id);
    if (status.state === 'failed') {
      break;
    }
    if (status.state === 'completed') {
      clearInterval(heartbeat);
      result = status.value;
      break;
    }
  }
  return result;
}
