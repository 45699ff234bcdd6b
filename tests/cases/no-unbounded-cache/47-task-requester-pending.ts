// Source: https://github.com/n8n-io/n8n/pull/15768
// Bug: the task requester service stores every task request, with its sizeable data, in a `pendingRequests` Map that is written on each request and never read or cleared, so heap grows with every workflow execution.
// expect: no-unbounded-cache/mapNeverShrinks 34:20

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

  private readonly pendingRequests = new Map<string, TaskRequest>();

  constructor(private readonly broker: TaskBroker) {}

  async startTask(taskType: string, data: unknown): Promise<unknown> {
    const request: TaskRequest = { requestId: randomUUID(), taskType, data };
    this.pendingRequests.set(request.requestId, request);
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
