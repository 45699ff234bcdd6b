// Source: https://github.com/BulloRosso/etienne/issues/1
// Bug: fixed twin: the pump checks the run's signal on every event and returns once it is aborted.
// expect: none

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
    if (options.signal.aborted) return;
    if (event.type !== 'idle') options.onEvent(event);
  }
}
