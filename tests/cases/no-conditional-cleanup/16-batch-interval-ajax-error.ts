// Source: https://github.com/harvard-lil/perma/issues/2394
// Bug: the link-batch view cleared its refresh interval only after a successful AJAX load; when the request failed the error was caught and shown but the interval kept polling.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 24:5

export interface Batch {
  id: string;
  links: string[];
}

export interface BatchApi {
  fetchBatch(id: string): Promise<Batch>;
}

export interface BatchView {
  renderProgress(): void;
  renderBatch(batch: Batch): void;
  showErrorBanner(message: string): void;
}

export async function showBatch(batchId: string, api: BatchApi, view: BatchView): Promise<void> {
  const interval = setInterval(() => view.renderProgress(), 2000);
  try {
    const batch = await api.fetchBatch(batchId);
    clearInterval(interval);
    view.renderBatch(batch);
  } catch (error) {
    view.showErrorBanner(error instanceof Error ? error.message : String(error));
  }
}
