// Source: https://github.com/mozilla/wp-offline-shell/pull/54
// Bug: none: the service worker races the cache against the network (two pieces of work, no timeout) and keeps the network response to refresh the cache; the backoff sleep inside the network retry is not a timeout.
// expect: none

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function fetchWithRetry(request: Request, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(request);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await wait(250 * attempt);
    }
  }
}

export async function respond(request: Request, cache: Cache, waitUntil: (task: Promise<unknown>) => void): Promise<Response> {
  const fromNetwork = fetchWithRetry(request);
  waitUntil(fromNetwork.then((response) => cache.put(request, response.clone())).catch(() => undefined));
  const fromCache = cache.match(request).then((hit) => hit ?? fromNetwork);
  return Promise.race([fromCache, fromNetwork]);
}
