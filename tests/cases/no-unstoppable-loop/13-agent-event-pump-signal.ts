// Source: https://github.com/BulloRosso/etienne/issues/1
// Bug: AbortController.abort() did not terminate the agent loop: the loop was handed the run's signal but never looked at it, so it went on pulling and forwarding events after the user aborted.
// expect: no-unstoppable-loop/signalNeverChecked 20:3

export interface AgentEvent {
  type: 'text' | 'tool' | 'idle';
  payload: string;
}

export interface AgentSession {
  nextEvent(): Promise<AgentEvent>;
}

export interface RunOptions {
  signal: AbortSignal;
  onEvent: (event: AgentEvent) => void;
}

export async function pumpAgentEvents(session: AgentSession, options: RunOptions): Promise<void> {
  while (true) {
    const event = await session.nextEvent();
    if (event.type !== 'idle') options.onEvent(event);
  }
}
