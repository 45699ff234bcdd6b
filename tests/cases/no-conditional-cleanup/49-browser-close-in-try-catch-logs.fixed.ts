// Source: https://github.com/jibon57/bbb-recorder/pull/63
// Bug: fixed as in the PR: the browser reference lives outside the try and is closed in finally, whether the recording succeeded or the catch logged an error.
// expect: none

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
  let browser: Browser | undefined;
  try {
    browser = await launch();
    const page = await browser.newPage();
    await page.goto(playbackUrl);
    await page.waitForSelector('button[aria-label="Play"]');
    await page.click('button[aria-label="Play"]');
    return await recorder.record(page, durationMs);
  } catch (error) {
    console.log(error);
    return null;
  } finally {
    await browser?.close();
  }
}
