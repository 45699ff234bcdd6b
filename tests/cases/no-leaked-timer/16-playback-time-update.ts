// Source: https://github.com/clappr/dash-shaka-playback/pull/65
// Bug: each call of play() started another time-update interval without clearing the old one, so repeated plays left intervals firing forever.
// expect: no-leaked-timer/timerOverwritten 18:5

interface MediaElement {
  currentTime: number;
  play(): Promise<void>;
  pause(): void;
}

export class Playback {
  private timeUpdateTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly video: MediaElement, private readonly onTime: (seconds: number) => void) {}

  play(): void {
    void this.video.play();
    this.timeUpdateTimer = setInterval(() => this.onTime(this.video.currentTime), 100);
  }

  stop(): void {
    clearInterval(this.timeUpdateTimer);
    this.video.pause();
  }
}
