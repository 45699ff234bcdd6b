// Source: https://github.com/ReactiveX/rxjs/pull/5305
// Bug: fromFetch followed a passed-in AbortSignal with an inline 'abort' listener and never removed it on unsubscription, so a long-lived signal collected one listener per request.
// expect: no-leaked-listener/inlineListenerNeverRemoved 19:12

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
    if (outerSignal) {
      if (outerSignal.aborted) controller.abort();
      else outerSignal.addEventListener('abort', () => controller.abort());
    }
    fetch(input, { ...init, signal: controller.signal }).then(
      (response) => {
        subscriber.next(response);
        subscriber.complete();
      },
      (error: unknown) => subscriber.error(error),
    );
    return () => controller.abort();
  };
}
