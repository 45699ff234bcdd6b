// Source: https://github.com/jfroelich/rss-reader/issues/202
// Bug: feed fetches were raced against a timeout; when the timeout won the fetch was not cancelled but ignored, and kept running until the network answered. Here the timer is cleared, but the request never gets a signal.
// expect: no-abandoned-race/signalNotPassed 16:28

import { deadline } from './48-feed-fetch-deadline-handle.lib.js';

export interface FeedResponse {
  url: string;
  body: string;
  contentType: string | null;
}

export async function fetchFeed(url: string, timeoutMs: number): Promise<FeedResponse> {
  const timeout = deadline(timeoutMs, `fetching ${url} took longer than ${timeoutMs}ms`);
  try {
    const response = await Promise.race([fetch(url, { credentials: 'omit', redirect: 'follow' }), timeout.promise]);
    return { url: response.url, body: await response.text(), contentType: response.headers.get('content-type') };
  } finally {
    timeout.clear();
  }
}
