// Source: https://github.com/Sachinchaurasiya360/InternHack/pull/2639
// Bug: when scraper.scrape() won the race, the 5-minute timeout's setTimeout stayed armed and kept the event loop open, and a timed-out scrape was never stopped.
// expect: no-abandoned-race/timerNeverCleared 14:23
// expect: no-abandoned-race/signalNotPassed 14:23

export interface Scraper {
  name: string;
  scrape(options?: { signal?: AbortSignal }): Promise<number>;
}

const SCRAPER_TIMEOUT = 5 * 60 * 1000;

export async function runScraper(scraper: Scraper): Promise<{ name: string; saved: number }> {
  const saved = await Promise.race([
    scraper.scrape(),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${scraper.name} timed out`)), SCRAPER_TIMEOUT),
    ),
  ]);
  return { name: scraper.name, saved };
}
