// Source: https://github.com/tswaters/fireworks/issues/16
// Bug: each start() set up another animation interval in the same field, so after two starts stop() cleared only the last one and the fireworks could not be stopped.
// expect: no-leaked-timer/timerOverwritten 21:5

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
    this.interval = setInterval(() => this.frame(), 1000 / this.fps);
  }

  stop(): void {
    clearInterval(this.interval);
  }

  private frame(): void {
    this.context.clearRect(0, 0, this.context.canvas.width, this.context.canvas.height);
    for (const particle of this.particles) {
      particle.y += particle.vy;
      this.context.fillRect(particle.x, particle.y, 2, 2);
    }
  }
}
