// Source: https://github.com/pupunzi/jquery.mb.YTPlayer/pull/92
// Bug: fixed twin: destroy() clears the start-at check before removing the container.
// expect: none

interface VideoApi {
  currentTime(): number;
  seekTo(seconds: number): void;
}

export class Player {
  private checkForStartAt: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly container: HTMLElement, private readonly api: VideoApi, private readonly startAt: number) {
    this.checkForStartAt = setInterval(() => {
      if (this.api.currentTime() < this.startAt) this.api.seekTo(this.startAt);
    }, 250);
  }

  destroy(): void {
    clearInterval(this.checkForStartAt);
    this.container.remove();
  }
}
