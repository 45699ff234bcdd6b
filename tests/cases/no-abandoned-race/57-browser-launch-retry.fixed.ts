// Source: https://github.com/Meeting-BaaS/meet-teams-bot/pull/227
// Bug: fixed twin: the timer's handle is cleared in finally (the review's fix), and each attempt's launch gets a signal that is aborted when the attempt ends, so a timed-out launch stops before the next one starts.
// expect: none

export interface LaunchedBrowser {
  close(): Promise<void>;
}

export interface BrowserLauncher {
  openBrowser(proxyUrl: string, options?: { signal?: AbortSignal }): Promise<LaunchedBrowser>;
}

const LAUNCH_ATTEMPTS = 3;
const LAUNCH_TIMEOUT_MS = 60_000;

export async function setUpBrowser(launcher: BrowserLauncher, proxyUrl: string): Promise<LaunchedBrowser> {
  let lastError: Error | null = null;
  for (let attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt++) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      console.info(`browser setup attempt ${attempt}/${LAUNCH_ATTEMPTS}`);
      return await Promise.race([
        launcher.openBrowser(proxyUrl, { signal: controller.signal }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`browser setup timed out after ${LAUNCH_TIMEOUT_MS}ms`)), LAUNCH_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error));
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }
  throw lastError ?? new Error('browser setup failed');
}
