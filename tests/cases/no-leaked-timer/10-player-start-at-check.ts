// Source: https://github.com/pupunzi/jquery.mb.YTPlayer/pull/92
// Bug: the player's "check for start at" interval remained uncleared when the player was destroyed and its container removed.
// expect: no-leaked-timer/timerNotClearedOnTeardown 14:5

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
    this.container.remove();
  }
}
