// Source: https://github.com/js-data/js-data-angular/issues/44
// Bug: fixed (the 0.8.1 release deleted the entry in a rejection handler as well; this twin uses finally, which also keeps the rejection for the caller): the pending entry is removed however the query settles.
// expect: none

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
    const query = this.adapter
      .find(this.resource, id)
      .then((record) => {
        this.completed.set(id, record);
        return record;
      })
      .finally(() => {
        this.pendingQueries.delete(id);
      });
    this.pendingQueries.set(id, query);
    return query;
  }

  eject(id: string): void {
    this.completed.delete(id);
  }
}
