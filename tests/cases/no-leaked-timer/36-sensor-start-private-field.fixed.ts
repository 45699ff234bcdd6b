// Source: https://github.com/TooTallNate/nx.js/issues/324
// Bug: fixed twin: the suggested fix: start() returns while an interval is running, and stop() resets the handle.
// expect: none

export class AmbientLightSensor extends EventTarget {
  #timer: ReturnType<typeof setInterval> | undefined;
  #illuminance = 0;

  constructor(
    private readonly readLux: () => number,
    private readonly frequency = 1,
  ) {
    super();
  }

  get illuminance(): number {
    return this.#illuminance;
  }

  start(): void {
    if (this.#timer != null) return;
    this.#timer = setInterval(() => {
      this.#illuminance = this.readLux();
      this.dispatchEvent(new Event('reading'));
    }, 1000 / this.frequency);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
