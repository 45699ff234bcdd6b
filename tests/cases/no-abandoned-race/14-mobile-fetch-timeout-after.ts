// Source: https://github.com/rationally-app/mobile-application/pull/569
// Bug: fetchWithValidator() raced fetch against timeoutAfter(), whose timer was never cleared, and the request kept its connection open after the timeout; review asked for an AbortController.
// expect: no-abandoned-race/timerNeverCleared 12:26
// expect: no-abandoned-race/signalNotPassed 12:26

export class NetworkError extends Error {}

const timeoutAfter = (seconds: number): Promise<never> =>
  new Promise((_, reject) => setTimeout(() => reject(new NetworkError('Request timed out')), seconds * 1000));

export async function fetchWithValidator<T>(url: string, parse: (body: unknown) => T): Promise<T> {
  const response = await Promise.race([
    fetch(url, { headers: { accept: 'application/json' } }),
    timeoutAfter(30),
  ]);
  if (!response.ok) throw new NetworkError(`HTTP ${response.status}`);
  return parse(await response.json());
}
