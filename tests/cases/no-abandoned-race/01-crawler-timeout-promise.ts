// Source: https://github.com/apify/crawlee/issues/263
// Bug: each crawled page raced its handler against createTimeoutPromise(), whose timer was never cleared and whose handler was never stopped, so finished pages left live timers and closures behind.
// expect: no-abandoned-race/timerNeverCleared 18:9
// expect: no-abandoned-race/workNeverAborted 18:9

export interface CrawlingContext {
  url: string;
  html: string;
}

declare function handlePageFunction(context: CrawlingContext): Promise<void>;

function createTimeoutPromise(millis: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), millis));
}

export async function processRequest(context: CrawlingContext, timeoutSecs: number): Promise<void> {
  await Promise.race([
    handlePageFunction(context),
    createTimeoutPromise(timeoutSecs * 1000, `handlePageFunction timed out after ${timeoutSecs} seconds.`),
  ]);
}
