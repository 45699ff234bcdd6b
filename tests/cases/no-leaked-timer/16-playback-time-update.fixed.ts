// Source: https://github.com/clappr/dash-shaka-playback/pull/65
// Bug: fixed twin: play() removes the old timer before creating a new one.
// expect: none

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
    clearInterval(this.timeUpdateTimer);
    this.timeUpdateTimer = setInterval(() => this.onTime(this.video.currentTime), 100);
  }

  stop(): void {
    clearInterval(this.timeUpdateTimer);
    this.video.pause();
  }
}
