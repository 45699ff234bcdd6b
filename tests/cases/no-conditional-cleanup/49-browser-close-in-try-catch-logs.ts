// Source: https://github.com/jibon57/bbb-recorder/pull/63
// Bug: the recorder launched Chrome and closed it at the end of its try block; any exception on the way (a failed navigation, a missing element) went to a catch that only logged, leaving the browser process running for good.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 33:11

export interface Page {
  goto(url: string): Promise<void>;
  waitForSelector(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
}

export interface Browser extends AsyncDisposable {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface Recorder {
  record(page: Page, durationMs: number): Promise<string>;
}

export async function recordMeeting(
  launch: () => Promise<Browser>,
  recorder: Recorder,
  playbackUrl: string,
  durationMs: number,
): Promise<string | null> {
  try {
    const browser = await launch();
    const page = await browser.newPage();
    await page.goto(playbackUrl);
    await page.waitForSelector('button[aria-label="Play"]');
    await page.click('button[aria-label="Play"]');
    const file = await recorder.record(page, durationMs);
    await browser.close();
    return file;
  } catch (error) {
    console.log(error);
    return null;
  }
}
