// Source: https://github.com/dailydotdev/daily-scraper/pull/400
// Bug: the scraper borrowed a headless browser with `pool.acquire()` and gave it back with `pool.release(browser)` as the last statement of the handler, so a scrape or screenshot that threw kept the browser checked out until the generic pool had nothing left to lend.
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 24:9
// expect: no-conditional-cleanup/cleanupSkippedOnThrow 31:9

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

export async function scrapeVoters(pool: BrowserPool, url: string, reply: Reply): Promise<void> {
  const browser = await pool.acquire();
  const html = await browser.render(url);
  reply.send(200, { voters: html.split('\n').length });
  await pool.release(browser);
}

export async function screenshot(pool: BrowserPool, html: string, selector: string, reply: Reply): Promise<void> {
  const browser = await pool.acquire();
  const image = await browser.screenshot(html, selector);
  reply.send(200, image);
  await pool.release(browser);
}
