// Source: https://github.com/apify/crawlee/issues/263
// Bug: fixed twin: the page handler gets a signal that is aborted when the race settles, and the timeout's timer is cleared in finally.
// expect: none

export interface CrawlingContext {
  url: string;
  html: string;
}

declare function handlePageFunction(context: CrawlingContext, options?: { signal?: AbortSignal }): Promise<void>;

export async function processRequest(context: CrawlingContext, timeoutSecs: number): Promise<void> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      handlePageFunction(context, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        const message = `handlePageFunction timed out after ${timeoutSecs} seconds.`;
        timer = setTimeout(() => reject(new Error(message)), timeoutSecs * 1000);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
