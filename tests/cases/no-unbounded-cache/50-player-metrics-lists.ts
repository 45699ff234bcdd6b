// Source: https://github.com/Dash-Industry-Forum/dash.js/pull/1765
// Bug: the player's metrics model appended an entry to its HTTP-request and buffer-level lists for every segment request and buffer update and never trimmed them, so a long-running live stream kept growing the heap.
// expect: no-unbounded-cache/arrayNeverShrinks 20:9
// expect: no-unbounded-cache/arrayNeverShrinks 21:9

export interface HttpRequestMetric {
  url: string;
  type: 'MPD' | 'MediaSegment' | 'InitializationSegment';
  requestedAt: number;
  responseCode: number;
  bytes: number;
}

export interface BufferLevelMetric {
  t: number;
  level: number;
}

export function createMetricsModel(notify: (metric: string) => void) {
  const httpRequests: HttpRequestMetric[] = [];
  const bufferLevels: BufferLevelMetric[] = [];

  return {
    addHttpRequest(request: HttpRequestMetric): void {
      httpRequests.push(request);
      notify('HttpRequest');
    },
    addBufferLevel(level: number): void {
      bufferLevels.push({ t: Date.now(), level });
      notify('BufferLevel');
    },
    getLatestBufferLevel(): BufferLevelMetric | undefined {
      return bufferLevels.at(-1);
    },
    countRequests(type: HttpRequestMetric['type']): number {
      return httpRequests.filter((request) => request.type === type).length;
    },
  };
}
