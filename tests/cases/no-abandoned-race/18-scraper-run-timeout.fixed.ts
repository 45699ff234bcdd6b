// Source: https://github.com/Sachinchaurasiya360/InternHack/pull/2639
// Bug: fixed twin: the deadline is an AbortSignal.timeout() handed to the scraper, so no separate timer is raced and a slow scrape is aborted.
// expect: none

export interface Scraper {
  name: string;
  scrape(options?: { signal?: AbortSignal }): Promise<number>;
}

const SCRAPER_TIMEOUT = 5 * 60 * 1000;

export async function runScraper(scraper: Scraper): Promise<{ name: string; saved: number }> {
  const saved = await scraper.scrape({ signal: AbortSignal.timeout(SCRAPER_TIMEOUT) });
  return { name: scraper.name, saved };
}
