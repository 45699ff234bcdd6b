// Source: https://github.com/aws-amplify/amplify-ui/pull/7007
// Bug: the liveness model-load timeout was cleared in a .then() callback, which runs only on resolve, so a fast loadModels() rejection (CDN failure, WASM compile error) left the 10 s timer scheduled.
// expect: no-conditional-cleanup/cleanupSkippedOnSomePaths 22:7

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

  start(): Promise<Models> {
    const controller = new AbortController();
    const timeoutId = setTimeout(() => controller.abort(new Error('Model load timed out')), this.timeoutMs);
    return this.loadModels(controller.signal).then((models) => {
      clearTimeout(timeoutId);
      return models;
    });
  }
}
