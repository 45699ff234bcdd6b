// Source: https://github.com/js-data/js-data-angular/issues/44
// Bug: find() stored the adapter's promise as a pending query and deleted the entry in that promise's fulfilment handler only, so a query that failed stayed pending forever and every later find() for the id got the same rejected promise.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 24:7

export interface Adapter<T> {
  find(resource: string, id: string): Promise<T>;
}

export class ResourceStore<T> {
  private readonly pendingQueries = new Map<string, Promise<T>>();
  private readonly completed = new Map<string, T>();

  constructor(
    private readonly resource: string,
    private readonly adapter: Adapter<T>,
  ) {}

  find(id: string): Promise<T> {
    const done = this.completed.get(id);
    if (done !== undefined) return Promise.resolve(done);
    const pending = this.pendingQueries.get(id);
    if (pending) return pending;
    const query = this.adapter.find(this.resource, id).then((record) => {
      this.pendingQueries.delete(id);
      this.completed.set(id, record);
      return record;
    });
    this.pendingQueries.set(id, query);
    return query;
  }

  eject(id: string): void {
    this.completed.delete(id);
  }
}
