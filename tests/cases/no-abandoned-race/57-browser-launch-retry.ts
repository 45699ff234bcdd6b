// Source: https://github.com/Meeting-BaaS/meet-teams-bot/pull/227
// Bug: each browser-setup attempt raced `openBrowser()` against a 60 s timer that only cleared itself from its own callback, so a fast launch left the timer pending, the retry loop piled up one per attempt, and a timed-out launch kept going beside the next one.
// expect: no-abandoned-race/timerNeverCleared 28:20
// expect: no-abandoned-race/signalNotPassed 28:20

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
    try {
      console.info(`browser setup attempt ${attempt}/${LAUNCH_ATTEMPTS}`);
      const timeoutPromise = new Promise<never>((_, reject) => {
        const id = setTimeout(() => {
          clearTimeout(id);
          reject(new Error(`browser setup timed out after ${LAUNCH_TIMEOUT_MS}ms`));
        }, LAUNCH_TIMEOUT_MS);
      });
      return await Promise.race([launcher.openBrowser(proxyUrl), timeoutPromise]);
    } catch (error) {
      lastError = error instanceof Error ? error : new Error(String(error));
    }
  }
  throw lastError ?? new Error('browser setup failed');
}
