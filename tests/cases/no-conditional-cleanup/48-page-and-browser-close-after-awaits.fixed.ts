// Source: https://github.com/sindresorhus/capture-website/issues/90
// Bug: fixed as the issue asks: the page and the browser are closed in finally blocks, each right after it is opened.
// expect: none

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
  try {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: options.width, height: options.height });
      await page.goto(url, { timeout: options.timeoutMs });
      if (options.waitForElement) {
        await page.waitForSelector(options.waitForElement);
      }
      return await page.screenshot();
    } finally {
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
