// Source: https://github.com/TooTallNate/nx.js/issues/324
// Bug: AmbientLightSensor.start() created a new interval in its private field without clearing the one already there, so a second start() leaked the first and readings fired twice as often.
// expect: no-leaked-timer/timerOverwritten 21:5

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
    this.#timer = setInterval(() => {
      this.#illuminance = this.readLux();
      this.dispatchEvent(new Event('reading'));
    }, 1000 / this.frequency);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
