// Source: https://github.com/dailydotdev/daily-scraper/pull/400
// Bug: fixed as in the PR: every handler borrows through one helper that gives the browser back in the try and again in a catch that rethrows, so no path keeps it checked out.
// expect: none

export interface Browser {
  render(url: string): Promise<string>;
  screenshot(html: string, selector: string): Promise<Uint8Array>;
}

export interface BrowserPool {
  acquire(): Promise<Browser>;
  release(browser: Browser): Promise<void>;
}

export interface Reply {
  send(status: number, body: unknown): void;
}

async function withBrowser<T>(pool: BrowserPool, work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await pool.acquire();
  try {
    const result = await work(browser);
    await pool.release(browser);
    return result;
  } catch (error) {
    await pool.release(browser);
    throw error;
  }
}

export async function scrapeVoters(pool: BrowserPool, url: string, reply: Reply): Promise<void> {
  await withBrowser(pool, async (browser) => {
    const html = await browser.render(url);
    reply.send(200, { voters: html.split('\n').length });
  });
}

export async function screenshot(pool: BrowserPool, html: string, selector: string, reply: Reply): Promise<void> {
  await withBrowser(pool, async (browser) => {
    const image = await browser.screenshot(html, selector);
    reply.send(200, image);
  });
}
