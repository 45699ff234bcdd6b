// Source: https://github.com/ReactiveX/rxjs/pull/5305
// Bug: fixed twin: the teardown removes the listener from the passed-in signal.
// expect: none

export interface Subscriber<T> {
  next(value: T): void;
  error(error: unknown): void;
  complete(): void;
}

export type Teardown = () => void;

export function fromFetch(input: string, init: RequestInit = {}): (subscriber: Subscriber<Response>) => Teardown {
  return (subscriber) => {
    const controller = new AbortController();
    const outerSignal = init.signal;
    const onOuterAbort = (): void => controller.abort();
    if (outerSignal) {
      if (outerSignal.aborted) controller.abort();
      else outerSignal.addEventListener('abort', onOuterAbort);
    }
    fetch(input, { ...init, signal: controller.signal }).then(
      (response) => {
        subscriber.next(response);
        subscriber.complete();
      },
      (error: unknown) => subscriber.error(error),
    );
    return () => {
      outerSignal?.removeEventListener('abort', onOuterAbort);
      controller.abort();
    };
  };
}
