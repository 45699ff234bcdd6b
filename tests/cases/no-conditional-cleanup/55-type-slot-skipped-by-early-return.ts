// Source: https://github.com/meteor/meteor/pull/14286
// Bug: a review on the job queue PR found that claimAndExecute raised the per-type running count before executeJob, which returned early (after marking the job failed) when the job's definition was missing, so the count was never given back and the type's concurrency limit eventually blocked it for good.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 55:7

export interface JobDoc {
  id: string;
  name: string;
  payload: unknown;
}

export interface JobDefinition {
  concurrency: number;
  run(payload: unknown): Promise<void>;
}

export interface JobStore {
  markFailed(id: string, error: Error): Promise<void>;
  markDone(id: string): Promise<void>;
}

export class JobRunner {
  private readonly runningByType = new Map<string, number>();

  constructor(
    private readonly definitions: ReadonlyMap<string, JobDefinition>,
    private readonly store: JobStore,
  ) {}

  canAccept(name: string): boolean {
    const definition = this.definitions.get(name);
    return definition !== undefined && (this.runningByType.get(name) ?? 0) < definition.concurrency;
  }

  private takeTypeSlot(name: string): void {
    this.runningByType.set(name, (this.runningByType.get(name) ?? 0) + 1);
  }

  private giveTypeSlot(name: string): void {
    const left = (this.runningByType.get(name) ?? 1) - 1;
    if (left > 0) this.runningByType.set(name, left);
    else this.runningByType.delete(name);
  }

  async claimAndExecute(job: JobDoc): Promise<void> {
    this.takeTypeSlot(job.name);
    const definition = this.definitions.get(job.name);
    if (!definition) {
      await this.store.markFailed(job.id, new Error(`No definition registered for "${job.name}".`));
      return;
    }
    try {
      await definition.run(job.payload);
      await this.store.markDone(job.id);
    } finally {
      this.giveTypeSlot(job.name);
    }
  }
}
