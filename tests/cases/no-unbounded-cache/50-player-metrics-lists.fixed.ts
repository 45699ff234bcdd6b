// Source: https://github.com/Dash-Industry-Forum/dash.js/pull/1765
// Bug: fixed (the PR): each metrics list is capped at MAXIMUM_LIST_DEPTH entries and drops its oldest entry past the cap.
// expect: none

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

const MAXIMUM_LIST_DEPTH = 1000;

export function createMetricsModel(notify: (metric: string) => void) {
  const httpRequests: HttpRequestMetric[] = [];
  const bufferLevels: BufferLevelMetric[] = [];

  return {
    addHttpRequest(request: HttpRequestMetric): void {
      httpRequests.push(request);
      if (httpRequests.length > MAXIMUM_LIST_DEPTH) httpRequests.shift();
      notify('HttpRequest');
    },
    addBufferLevel(level: number): void {
      bufferLevels.push({ t: Date.now(), level });
      if (bufferLevels.length > MAXIMUM_LIST_DEPTH) bufferLevels.shift();
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
