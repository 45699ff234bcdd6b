// Source: https://github.com/tswaters/fireworks/issues/16
// Bug: fixed twin: start() is idempotent (it returns while an interval is running) and stop() forgets the handle.
// expect: none

interface Particle {
  x: number;
  y: number;
  vy: number;
}

export class Fireworks {
  private interval: ReturnType<typeof setInterval> | undefined;
  private readonly particles: Particle[] = [];

  constructor(
    private readonly context: CanvasRenderingContext2D,
    private readonly fps = 60,
  ) {}

  start(): void {
    if (this.interval !== undefined) return;
    this.interval = setInterval(() => this.frame(), 1000 / this.fps);
  }

  stop(): void {
    clearInterval(this.interval);
    this.interval = undefined;
  }

  private frame(): void {
    this.context.clearRect(0, 0, this.context.canvas.width, this.context.canvas.height);
    for (const particle of this.particles) {
      particle.y += particle.vy;
      this.context.fillRect(particle.x, particle.y, 2, 2);
    }
  }
}
