// Source: https://github.com/aws-amplify/amplify-ui/pull/7007
// Bug: fixed: the load is awaited inside try and the timer is cleared in finally, so it is cancelled on resolve and on reject.
// expect: none

export interface Models {
  blazeFace: ArrayBuffer;
  wasmUrl: string;
}

export type ModelLoader = (signal: AbortSignal) => Promise<Models>;

export class FaceDetector {
  constructor(
    private readonly loadModels: ModelLoader,
    private readonly timeoutMs = 10_000,
  ) {}

  async start(): Promise<Models> {
    const controller = new AbortController();
    const timeoutId = setTimeout(() => controller.abort(new Error('Model load timed out')), this.timeoutMs);
    try {
      return await this.loadModels(controller.signal);
    } finally {
      clearTimeout(timeoutId);
    }
  }
}
