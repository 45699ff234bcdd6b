// Source: https://github.com/jfroelich/rss-reader/issues/202
// Bug: fixed twin (idiomatic; fetch has since gained a signal): the request carries `AbortSignal.timeout()`, so the network request itself stops at the deadline and there is no race.
// expect: none

export interface FeedResponse {
  url: string;
  body: string;
  contentType: string | null;
}

export async function fetchFeed(url: string, timeoutMs: number): Promise<FeedResponse> {
  const response = await fetch(url, { credentials: 'omit', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  return { url: response.url, body: await response.text(), contentType: response.headers.get('content-type') };
}
