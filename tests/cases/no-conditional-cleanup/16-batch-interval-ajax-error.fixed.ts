// Source: https://github.com/harvard-lil/perma/issues/2394
// Bug: fixed: the interval is cleared in finally, so a failed load stops polling too.
// expect: none

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
    view.renderBatch(batch);
  } catch (error) {
    view.showErrorBanner(error instanceof Error ? error.message : String(error));
  } finally {
    clearInterval(interval);
  }
}
