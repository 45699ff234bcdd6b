// Source: https://github.com/n8n-io/n8n/pull/15768
// Bug: fixed (the PR): the unused `pendingRequests` map is removed; requests are only tracked until the broker accepts or declines them.
// expect: none

import { randomUUID } from 'node:crypto';

type Constructor = abstract new (...args: never[]) => unknown;

/** A dependency-injection marker: the container makes one shared instance. */
function Service() {
  return <T extends Constructor>(target: T, _context: ClassDecoratorContext<T>): T => target;
}

export interface TaskRequest {
  requestId: string;
  taskType: string;
  data: unknown;
}

export interface TaskBroker {
  requestTask(request: TaskRequest): void;
  runTask(taskId: string): Promise<unknown>;
}

interface AcceptReject {
  accept: (taskId: string) => void;
  reject: (reason: Error) => void;
}

@Service()
export class TaskRequester {
  private readonly requestAcceptRejects = new Map<string, AcceptReject>();

  constructor(private readonly broker: TaskBroker) {}

  async startTask(taskType: string, data: unknown): Promise<unknown> {
    const request: TaskRequest = { requestId: randomUUID(), taskType, data };
    const taskId = await new Promise<string>((accept, reject) => {
      this.requestAcceptRejects.set(request.requestId, { accept, reject });
      this.broker.requestTask(request);
    });
    return this.broker.runTask(taskId);
  }

  taskAccepted(requestId: string, taskId: string): void {
    const acceptReject = this.requestAcceptRejects.get(requestId);
    this.requestAcceptRejects.delete(requestId);
    acceptReject?.accept(taskId);
  }

  taskDeclined(requestId: string, reason: string): void {
    const acceptReject = this.requestAcceptRejects.get(requestId);
    this.requestAcceptRejects.delete(requestId);
    acceptReject?.reject(new Error(reason));
  }
}
