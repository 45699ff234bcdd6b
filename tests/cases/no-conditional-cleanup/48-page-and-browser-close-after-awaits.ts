// Source: https://github.com/sindresorhus/capture-website/issues/90
// Bug: captureWebsite closed the page and the browser as its last statements, so any navigation timeout or missing element exited without closing either, and Chrome instances piled up until the server died.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 39:9
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 40:9

export interface Page extends AsyncDisposable {
  setViewport(size: { width: number; height: number }): Promise<void>;
  goto(url: string, options: { timeout: number }): Promise<void>;
  waitForSelector(selector: string): Promise<void>;
  screenshot(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface Browser extends AsyncDisposable {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface CaptureOptions {
  width: number;
  height: number;
  timeoutMs: number;
  waitForElement?: string;
}

export async function captureWebsite(
  launch: () => Promise<Browser>,
  url: string,
  options: CaptureOptions,
): Promise<Uint8Array> {
  const browser = await launch();
  const page = await browser.newPage();
  await page.setViewport({ width: options.width, height: options.height });
  await page.goto(url, { timeout: options.timeoutMs });
  if (options.waitForElement) {
    await page.waitForSelector(options.waitForElement);
  }
  const image = await page.screenshot();
  await page.close();
  await browser.close();
  return image;
}
