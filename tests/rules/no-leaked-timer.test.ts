import rule from '../../src/rules/no-leaked-timer.js';
import { typedRuleTester } from '../rule-tester.js';

const ruleTester = typedRuleTester();

ruleTester.run('no-leaked-timer', rule, {
  valid: [
    // The clear before the arm, in the listener that arms it, only replaces the previous timer: the
    // method that registers the listener does not cancel it.
    `import type { EventEmitter } from 'node:events';
export class Idle {
  private idle: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly source: EventEmitter,
    private readonly expire: () => void,
  ) {}
  start(): void {
    this.source.on('data', () => {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.expire(), 1000);
    });
  }
  stop(): void {
    this.expire();
  }
}
`,
    // The method clears the previous timer before it arms the next: that only replaces it, it does
    // not cancel the work, so nothing says the timer is meant not to outlive teardown.
    `export class Visibility {
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly apply: () => void) {}
  onChange(hidden: boolean): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    if (hidden) this.hideTimer = setTimeout(() => this.apply(), 5000);
    else this.apply();
  }
  refresh(): void {
    this.onChange(false);
  }
  stop(): void {
    this.apply();
  }
}
`,
    // Another module hands the field to \`clearTimeout\` (a close handler written for an untyped
    // \`self\`): the program shows a release this class does not hold.
    `export class Session {
  private idleDeadline: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly end: () => void) {}
  touch(): void {
    clearTimeout(this.idleDeadline);
    this.idleDeadline = setTimeout(() => this.end(), 30_000);
  }
  resume(): void {
    clearTimeout(this.idleDeadline);
  }
  close(): void {
    this.end();
  }
}
`,
    // The only timer armed is cleared by the next statement: it never stays armed.
    `export class Probe {
  private pending: ReturnType<typeof setTimeout>;
  constructor(private readonly stop: () => void) {
    this.pending = setTimeout(() => this.stop(), 0);
    clearTimeout(this.pending);
  }
  settle(): void {
    clearTimeout(this.pending);
  }
  close(): void {
    this.stop();
  }
}
`,
    // A timer that fires once, which no method of the class cancels: it outlives teardown only by its
    // delay, and nothing says it is meant not to.
    `export class Handshake {
  private deadline: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly abort: () => void) {
    this.deadline = setTimeout(() => this.fail(), 5000);
  }
  private fail(): void {
    this.abort();
  }
  close(): void {
    this.abort();
  }
}
`,
    // The class cancels it when the handshake is acknowledged, and teardown does too.
    `export class Handshake {
  private deadline: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly abort: () => void) {
    this.deadline = setTimeout(() => this.fail(), 5000);
  }
  acknowledged(): void {
    clearTimeout(this.deadline);
  }
  private fail(): void {
    this.abort();
  }
  close(): void {
    clearTimeout(this.deadline);
    this.abort();
  }
}
`,
    // disconnect() emits 'dispose' on the emitter a field holds; the constructor's handler for it clears the interval.
    `import { EventEmitter } from 'node:events';
export class Room {
  private events = new EventEmitter();
  private patches: ReturnType<typeof setInterval> | undefined;
  constructor() {
    this.events.once('dispose', () => {
      this.wrapUp().catch(() => undefined);
    });
  }
  setPatchRate(ms: number): void {
    if (this.patches) clearInterval(this.patches);
    this.patches = setInterval(() => this.broadcast(), ms);
  }
  private broadcast(): void {}
  disconnect(): void {
    this.events.emit('dispose');
  }
  private async wrapUp(): Promise<void> {
    await Promise.resolve();
    if (this.patches) clearInterval(this.patches);
  }
}`,
    // The base class's stop(), in another file, clears the monitor through a method it calls.
    `import { MonitoredTrack } from './monitored-track.js';
export class VideoTrack extends MonitoredTrack {
  startMonitor(): void {
    if (this.monitor) return;
    this.monitor = setInterval(() => this.sample(), 1000);
  }
  private sample(): void {}
  stop(): void {
    super.stop();
  }
}`,
    // The same through the inherited stopMonitor(), called on this.
    `import { MonitoredTrack } from './monitored-track.js';
export class AudioTrack extends MonitoredTrack {
  startMonitor(): void {
    if (this.monitor) return;
    this.monitor = setInterval(() => this.sample(), 1000);
  }
  private sample(): void {}
  close(): void {
    this.stopMonitor();
  }
}`,
    // The re-arm is guarded by a method of the class that reads the flag start() sets.
    `
export class Heartbeat {
  private status: 'started' | 'stopped' = 'stopped';
  private timer: ReturnType<typeof setTimeout> | undefined;
  isStarted(): boolean {
    return this.status === 'started';
  }
  start(): void {
    if (this.isStarted()) return;
    this.status = 'started';
    this.timer = setTimeout(() => this.beat(), 1000);
  }
  stop(): void {
    this.status = 'stopped';
    clearTimeout(this.timer);
  }
  private beat(): void {}
}
`,
    // An unref'd module-level sweeper: it cannot hold the process open and holds only module state.
    `const seen = new Map<string, number>();
setInterval(() => seen.clear(), 60_000).unref();
export {};`,
    // The same through a variable that is only unref'd.
    `const seen = new Map<string, number>();
const sweeper = setInterval(() => seen.clear(), 60_000);
sweeper.unref();
export {};`,
    // A one-shot timeout whose handle is discarded fires once and is gone.
    `export function later(): void {
  setTimeout(() => console.log('done'), 100);
}`,
    // The handle is returned as a disposer.
    `export function every(ms: number, run: () => void): () => void {
  const id = setInterval(run, ms);
  return () => clearInterval(id);
}`,
    // The handle is returned, pushed into a collection, or exported.
    `export function start(run: () => void): ReturnType<typeof setInterval> {
  return setInterval(run, 1000);
}
const timers: ReturnType<typeof setInterval>[] = [];
export function track(run: () => void): void {
  timers.push(setInterval(run, 1000));
}
export const ticker = setInterval(() => undefined, 1000);`,
    // An interval that clears itself through its own handle.
    `export function waitFor(check: () => boolean, done: () => void): void {
  const id = setInterval(() => {
    if (check()) {
      clearInterval(id);
      done();
    }
  }, 50);
}`,
    // Node passes the handle as \`this\` to a function callback.
    `export function once(done: () => void): void {
  setInterval(function (this: NodeJS.Timeout) {
    clearInterval(this);
    done();
  }, 50);
}`,
    // A timer loop with a stop condition before it re-arms.
    `let stopped = false;
export function stop(): void {
  stopped = true;
}
export function poll(run: () => void): void {
  if (stopped) return;
  run();
  setTimeout(() => poll(run), 1000);
}`,
    // A timer loop that re-arms only on success (inside a callback).
    `declare function check(): Promise<boolean>;
export function poll(): void {
  void check().then((ok) => {
    if (ok) setTimeout(poll, 1000);
  });
}`,
    // Not the runtime's timer: a local function and a method of another object.
    `function setInterval(run: () => void, ms: number): number {
  run();
  return ms;
}
declare const scheduler: { setInterval(run: () => void, ms: number): void };
export function start(): void {
  setInterval(() => undefined, 10);
  scheduler.setInterval(() => undefined, 10);
}`,
    // node:timers/promises returns an async iterator, not a handle.
    `import { setInterval as every } from 'node:timers/promises';
export async function ticks(): Promise<void> {
  for await (const _ of every(1000)) break;
}`,
    // The teardown clears the field, directly or through a helper it calls.
    `export class Heartbeat {
  private timer: ReturnType<typeof setInterval> | undefined;
  private loop: ReturnType<typeof setTimeout> | undefined;
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.beat(), 1000);
  }
  private tick(): void {
    this.loop = setTimeout(() => this.tick(), 1000);
  }
  private beat(): void {}
  close(): void {
    this.stopTimers();
  }
  private stopTimers(): void {
    if (this.timer) clearInterval(this.timer);
    const loop = this.loop;
    clearTimeout(loop);
  }
}`,
    // [Symbol.dispose] clears, through Node's Timeout#close.
    `export class Sampler {
  readonly #timer = setInterval(() => this.sample(), 1000);
  sample(): void {}
  [Symbol.dispose](): void {
    this.#timer.close();
  }
}`,
    // A class without a teardown method: nothing says when its life ends.
    `export class Ticker {
  private timer: ReturnType<typeof setInterval> | undefined;
  constructor() {
    this.timer = setInterval(() => this.tick(), 1000);
  }
  tick(): void {}
}`,
    // An interval that clears itself when its work is done is not reported on teardown.
    `export class Fader {
  private timer: ReturnType<typeof setInterval> | undefined;
  private level = 100;
  show(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      this.level -= 4;
      if (this.level <= 0) clearInterval(this.timer);
    }, 100);
  }
  destroy(): void {}
}`,
    // A timer loop with a stop flag that teardown sets.
    `export class Poller {
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poll(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => this.poll(), 1000);
  }
  stop(): void {
    this.closed = true;
  }
}`,
    // Re-arming after a clear, a guard on the handle, a guard on a flag the function sets, ??=.
    `export class Debouncer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private interval: ReturnType<typeof setInterval> | undefined;
  private other: ReturnType<typeof setTimeout> | undefined;
  bump(run: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(run, 100);
  }
  start(run: () => void): void {
    if (this.started) return;
    this.started = true;
    this.interval = setInterval(run, 100);
  }
  arm(run: () => void): void {
    if (!this.other) {
      this.other = setTimeout(run, 100);
    }
  }
  ensure(run: () => void): void {
    this.other ??= setTimeout(run, 100);
  }
}`,
    // Re-arming after a helper that clears; and inside the timer's own callback.
    `let timer: ReturnType<typeof setTimeout> | undefined;
function cancel(): void {
  if (timer !== undefined) clearTimeout(timer);
}
export function schedule(run: () => void): void {
  cancel();
  timer = setTimeout(() => {
    run();
    timer = setTimeout(run, 100);
  }, 100);
}`,
    // Set in the constructor only: there is no previous handle.
    `export class Cache {
  private sweeper: ReturnType<typeof setInterval>;
  constructor() {
    this.sweeper = setInterval(() => this.sweep(), 1000);
  }
  sweep(): void {}
  close(): void {
    clearInterval(this.sweeper);
  }
}`,
    // A private helper whose every caller guards on the handle or clears it first.
    `export class Connection {
  private socketTimer: ReturnType<typeof setTimeout> | undefined;
  onData(pending: number): void {
    if (pending > 0 && this.socketTimer === undefined) this.armSocketTimer();
  }
  onActivity(): void {
    clearTimeout(this.socketTimer);
    this.armSocketTimer();
  }
  private armSocketTimer(): void {
    this.socketTimer = setTimeout(() => {
      this.socketTimer = undefined;
    }, 1000);
  }
}`,
    // A private helper called only from the constructor runs once per object.
    `export class Client {
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly close: () => void) {
    this.#setup();
  }
  #setup(): void {
    this.#connectTimer = setTimeout(() => this.close(), 1000);
  }
  joined(): void {
    clearTimeout(this.#connectTimer);
  }
}`,
    // A timer re-armed through a helper its callback calls: the handle it replaces has fired.
    `export class Ejector {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private enabled = true;
  private startTimer(ms: number): void {
    this.timer = setTimeout(() => this.runChecks(), ms);
  }
  private runChecks(): void {
    if (!this.enabled) return;
    this.startTimer(1000);
  }
  configure(enabled: boolean): void {
    clearTimeout(this.timer);
    this.enabled = enabled;
    if (enabled) this.startTimer(1000);
  }
}`,
    // A loop re-armed from a nested callback, behind a guard in the function around it.
    `declare function refresh(done: () => void): void;
export class Cluster {
  private slotsTimer: ReturnType<typeof setTimeout> | null = null;
  resetRefresh(): void {
    if (this.slotsTimer) return;
    const nextRound = (): void => {
      this.slotsTimer = setTimeout(() => {
        refresh(() => nextRound());
      }, 5000);
    };
    nextRound();
  }
  disconnect(): void {
    if (this.slotsTimer) clearTimeout(this.slotsTimer);
  }
}`,
    // A flag the function sets, tested by a guard whose branch leaves (in a block) before the re-arm.
    `export class Carousel {
  private timer: ReturnType<typeof setInterval> | undefined;
  private playing = false;
  play(): void {
    if (this.playing) {
      console.log('already playing');
      return;
    }
    this.playing = true;
    this.timer = setInterval(() => this.next(), 5000);
  }
  private next(): void {}
  stop(): void {
    this.playing = false;
    clearInterval(this.timer);
  }
}`,
    // A loop whose callback hands the arming function on by name (a one-shot event, a promise reaction):
    // each re-arm replaces a timer that has fired.
    `declare const source: { once(event: string, listener: () => void): void };
export class Sampler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor() {
    source.once('ready', this.arm);
  }
  private readonly arm = (): void => {
    this.timer = setTimeout(this.sample, 1000);
  };
  private readonly sample = (): void => {
    source.once('ready', this.arm);
  };
  stop(): void {
    clearTimeout(this.timer);
  }
}`,
    // A loop that re-arms through other methods' callbacks, with a stop flag that teardown sets on the way.
    `declare const socket: { write(data: string, done: () => void): void; destroy(): void };
export class Keepalive {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  start(): void {
    this.idle();
  }
  private idle(): void {
    if (this.closed) return;
    socket.write('IDLE', () => this.arm());
  }
  private arm(): void {
    this.timer = setTimeout(() => {
      socket.write('DONE', () => this.idle());
    }, 10_000);
  }
  destroy(): void {
    this.closed = true;
    socket.destroy();
  }
}`,
    // The owned stream's close handler goes through close(), which clears the loop.
    `import type { Socket } from 'node:net';
export class PingClient {
  private pingTimer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly stream: Socket) {
    stream.on('connect', () => this.ping());
    stream.on('close', () => this.onStreamClose());
  }
  private ping(): void {
    this.pingTimer = setTimeout(() => {
      this.stream.write('PING');
      this.ping();
    }, 1000);
  }
  private onStreamClose(): void {
    this.close();
  }
  close(): void {
    clearTimeout(this.pingTimer);
    this.stream.end();
  }
}`,
    // A stream the object replaces on reconnect: its close does not end the object, the loop goes on over the next one.
    `import { connect, type Socket } from 'node:net';
export class PingClient {
  private pingTimer: ReturnType<typeof setTimeout> | undefined;
  private stream: Socket;
  constructor(private readonly port: number) {
    this.stream = this.open();
    this.ping();
  }
  private open(): Socket {
    const stream = connect(this.port);
    stream.on('close', () => this.reconnect());
    return stream;
  }
  private reconnect(): void {
    this.stream = this.open();
  }
  private ping(): void {
    this.pingTimer = setTimeout(() => {
      this.stream.write('PING');
      this.ping();
    }, 1000);
  }
  close(): void {
    clearTimeout(this.pingTimer);
    this.stream.end();
  }
}`,
    // A handle local to the call is not overwritten across calls.
    `export function run(task: () => void): void {
  let timer = setTimeout(task, 10);
  clearTimeout(timer);
  timer = setTimeout(task, 20);
  void timer;
}`,
    // Teardown sets the state; the setter emits a change that the object's own listener handles
    // by clearing the interval (and not re-arming it once the call has ended).
    `import { EventEmitter } from 'node:events';
export class Call extends EventEmitter {
  private current = 'idle';
  private resend: ReturnType<typeof setInterval> | null = null;
  constructor() {
    super();
    this.on('state', this.onState);
  }
  get state(): string {
    return this.current;
  }
  private set state(value: string) {
    const previous = this.current;
    this.current = value;
    this.emit('state', value, previous);
  }
  enter(): void {
    this.state = 'entered';
  }
  private onState = (): void => {
    this.update();
  };
  private update(): void {
    if (this.resend !== null) {
      clearInterval(this.resend);
      this.resend = null;
    }
    if (this.state === 'entered') this.resend = setInterval(() => this.ping(), 1000);
  }
  private ping(): void {}
  private dispose(): void {
    this.removeAllListeners('ping');
  }
  terminate(): void {
    this.wrapUp();
    this.state = 'ended';
  }
}`,
    // A one-shot armed on the other branch beside a loop's re-arm replaces the same handle,
    // one whose timer has fired (the loop's own run).
    `export class Keeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = true;
  private poke(): void {
    if (!this.running) return;
    void fetch('/ping').then(
      () => this.done(),
      (err: { status: number }) => {
        if (err.status === 404) {
          this.timer = setTimeout(() => this.done(), 2000);
        } else {
          this.timer = setTimeout(() => this.poke(), 5000);
        }
      },
    );
  }
  start(): void {
    clearTimeout(this.timer);
    this.poke();
  }
  private done(): void {
    clearTimeout(this.timer);
  }
  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }
}`,
  ],
  invalid: [
    // The arming method cancels the timer on another branch (the link came back up), and teardown
    // does not: after terminate() the retry still fires.
    {
      code: `export class Link {
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  constructor(private readonly restart: () => void) {}
  onState(state: 'up' | 'down'): void {
    if (state === 'up') {
      clearTimeout(this.retry);
    } else {
      this.retry = setTimeout(() => this.restart(), 2000);
    }
  }
  terminate(): void {
    this.closed = true;
  }
}
`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 9,
          column: 7,
          data: {
            place: 'this.retry',
            what: 'the handle of a `setTimeout` that `onState()` cancels',
            after:
              'after teardown the timer still fires, running its callback on the torn-down object and keeping it alive until then',
            teardown: 'terminate',
            clear: 'clearTimeout',
          },
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              data: { clear: 'clearTimeout', place: 'this.retry', teardown: 'terminate' },
              output: `export class Link {
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  constructor(private readonly restart: () => void) {}
  onState(state: 'up' | 'down'): void {
    if (state === 'up') {
      clearTimeout(this.retry);
    } else {
      this.retry = setTimeout(() => this.restart(), 2000);
    }
  }
  terminate(): void {
    clearTimeout(this.retry);
    this.closed = true;
  }
}
`,
            },
          ],
        },
        {
          messageId: 'timerOverwritten',
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              output: `export class Link {
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  constructor(private readonly restart: () => void) {}
  onState(state: 'up' | 'down'): void {
    if (state === 'up') {
      clearTimeout(this.retry);
    } else {
      clearTimeout(this.retry);
      this.retry = setTimeout(() => this.restart(), 2000);
    }
  }
  terminate(): void {
    this.closed = true;
  }
}
`,
            },
          ],
        },
      ],
    },
    // A timer that fires once, cancelled when the handshake is acknowledged but not by teardown: after
    // close() it still fires and fails the closed object.
    {
      code: `export class Handshake {
  private deadline: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly abort: () => void) {
    this.deadline = setTimeout(() => this.fail(), 5000);
  }
  acknowledged(): void {
    clearTimeout(this.deadline);
  }
  private fail(): void {
    this.abort();
  }
  close(): void {
    this.abort();
  }
}
`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 4,
          column: 5,
          data: {
            place: 'this.deadline',
            what: 'the handle of a `setTimeout` that `acknowledged()` cancels',
            after:
              'after teardown the timer still fires, running its callback on the torn-down object and keeping it alive until then',
            teardown: 'close',
            clear: 'clearTimeout',
          },
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              data: { clear: 'clearTimeout', place: 'this.deadline', teardown: 'close' },
              output: `export class Handshake {
  private deadline: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly abort: () => void) {
    this.deadline = setTimeout(() => this.fail(), 5000);
  }
  acknowledged(): void {
    clearTimeout(this.deadline);
  }
  private fail(): void {
    this.abort();
  }
  close(): void {
    clearTimeout(this.deadline);
    this.abort();
  }
}
`,
            },
          ],
        },
      ],
    },
    // The handler is on another emitter's event: emitting 'dispose' on this.events does not run it.
    {
      code: `import { EventEmitter } from 'node:events';
export class Room {
  private events = new EventEmitter();
  private other = new EventEmitter();
  private patches: ReturnType<typeof setInterval> | undefined;
  constructor() {
    this.other.once('dispose', () => this.wrapUp());
  }
  setPatchRate(ms: number): void {
    if (this.patches) clearInterval(this.patches);
    this.patches = setInterval(() => this.broadcast(), ms);
  }
  private broadcast(): void {}
  disconnect(): void {
    this.events.emit('dispose');
  }
  private wrapUp(): void {
    if (this.patches) clearInterval(this.patches);
  }
}`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 11,
          column: 5,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              data: { clear: 'clearInterval', place: 'this.patches', teardown: 'disconnect' },
              output: `import { EventEmitter } from 'node:events';
export class Room {
  private events = new EventEmitter();
  private other = new EventEmitter();
  private patches: ReturnType<typeof setInterval> | undefined;
  constructor() {
    this.other.once('dispose', () => this.wrapUp());
  }
  setPatchRate(ms: number): void {
    if (this.patches) clearInterval(this.patches);
    this.patches = setInterval(() => this.broadcast(), ms);
  }
  private broadcast(): void {}
  disconnect(): void {
    clearInterval(this.patches);
    this.events.emit('dispose');
  }
  private wrapUp(): void {
    if (this.patches) clearInterval(this.patches);
  }
}`,
            },
          ],
        },
      ],
    },
    // The base method it calls clears nothing: the monitor outlives close().
    {
      code: `import { MonitoredTrack } from './monitored-track.js';
export class AudioTrack extends MonitoredTrack {
  startMonitor(): void {
    if (this.monitor) return;
    this.monitor = setInterval(() => this.sample(), 1000);
  }
  private sample(): void {}
  close(): void {
    super.pause();
  }
}`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              data: { clear: 'clearInterval', place: 'this.monitor', teardown: 'close' },
              output: `import { MonitoredTrack } from './monitored-track.js';
export class AudioTrack extends MonitoredTrack {
  startMonitor(): void {
    if (this.monitor) return;
    this.monitor = setInterval(() => this.sample(), 1000);
  }
  private sample(): void {}
  close(): void {
    clearInterval(this.monitor);
    super.pause();
  }
}`,
            },
          ],
        },
      ],
    },
    // Armed on the same path before the loop's re-arm: the re-arm replaces it while it is armed.
    {
      code: `export class Keeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poke(): void {
    void fetch('/ping').then(
      () => this.done(),
      (err: { status: number }) => {
        this.timer = setTimeout(() => this.done(), 2000);
        if (err.status !== 404) this.timer = setTimeout(() => this.poke(), 5000);
      },
    );
  }
  start(): void {
    clearTimeout(this.timer);
    this.poke();
  }
  private done(): void {
    clearTimeout(this.timer);
  }
}`,
      errors: [
        {
          messageId: 'timerOverwritten',
          line: 7,
          column: 9,
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              data: { clear: 'clearTimeout', place: 'this.timer' },
              output: `export class Keeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private poke(): void {
    void fetch('/ping').then(
      () => this.done(),
      (err: { status: number }) => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.done(), 2000);
        if (err.status !== 404) this.timer = setTimeout(() => this.poke(), 5000);
      },
    );
  }
  start(): void {
    clearTimeout(this.timer);
    this.poke();
  }
  private done(): void {
    clearTimeout(this.timer);
  }
}`,
            },
          ],
        },
      ],
    },
    // The setter's event is handled by a listener for another event: nothing clears the interval.
    {
      code: `import { EventEmitter } from 'node:events';
export class Call extends EventEmitter {
  private current = 'idle';
  private resend: ReturnType<typeof setInterval> | null = null;
  constructor() {
    super();
    this.on('other', this.onState);
  }
  get state(): string {
    return this.current;
  }
  private set state(value: string) {
    this.current = value;
    this.emit('state', value);
  }
  private onState = (): void => {
    if (this.resend !== null) clearInterval(this.resend);
  };
  enter(): void {
    this.state = 'entered';
    if (this.resend === null) this.resend = setInterval(() => this.ping(), 1000);
  }
  private ping(): void {}
  terminate(): void {
    this.state = 'ended';
  }
}`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 21,
          column: 31,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              data: { clear: 'clearInterval', place: 'this.resend', teardown: 'terminate' },
              output: `import { EventEmitter } from 'node:events';
export class Call extends EventEmitter {
  private current = 'idle';
  private resend: ReturnType<typeof setInterval> | null = null;
  constructor() {
    super();
    this.on('other', this.onState);
  }
  get state(): string {
    return this.current;
  }
  private set state(value: string) {
    this.current = value;
    this.emit('state', value);
  }
  private onState = (): void => {
    if (this.resend !== null) clearInterval(this.resend);
  };
  enter(): void {
    this.state = 'entered';
    if (this.resend === null) this.resend = setInterval(() => this.ping(), 1000);
  }
  private ping(): void {}
  terminate(): void {
    if (this.resend) clearInterval(this.resend);
    this.state = 'ended';
  }
}`,
            },
          ],
        },
      ],
    },
    // A module-level interval that is not unref'd keeps the process alive.
    {
      code: `const stats = { ticks: 0 };
setInterval(() => {
  stats.ticks++;
}, 1000);
export { stats };`,
      errors: [
        {
          messageId: 'intervalNeverCleared',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 12,
          data: {
            timer: 'setInterval',
            handle: 'discarded',
            repeat: '',
            fix: 'Keep the handle and clear it on shutdown, or call `.unref()` on it so that it cannot hold the process open',
          },
          suggestions: [
            {
              messageId: 'unrefSuggestion',
              output: `const stats = { ticks: 0 };
setInterval(() => {
  stats.ticks++;
}, 1000).unref();
export { stats };`,
            },
          ],
        },
      ],
    },
    // Inside a function, unref() does not help: each call starts one more, holding its closure.
    {
      code: `export function watch(url: string, onChange: (body: string) => void): void {
  setInterval(async () => onChange(await (await fetch(url)).text()), 5000).unref();
}`,
      errors: [
        {
          messageId: 'intervalNeverCleared',
          line: 2,
          column: 3,
          data: {
            timer: 'setInterval',
            handle: 'discarded',
            repeat: '; each call of `watch()` starts one more',
            fix: 'Keep the handle and call `clearInterval` on it when the work is done: store it where teardown can reach it, or return a function that clears it',
          },
        },
      ],
    },
    // Kept in a variable that is never used; globalThis. and node:timers forms.
    {
      code: `import { setInterval as every } from 'node:timers';
import * as timers from 'node:timers';
export class Clock {
  now = 0;
  start(): void {
    const id = globalThis.setInterval(() => this.now++, 1000);
    every(() => this.now++, 1000);
    timers.setInterval(() => this.now++, 1000);
  }
}`,
      errors: [
        {
          messageId: 'intervalNeverCleared',
          line: 6,
          column: 16,
          endColumn: 38,
          data: {
            timer: 'setInterval',
            handle: 'kept in `id` but never used',
            repeat: '; each call of `start()` starts one more',
            fix: 'Keep the handle and call `clearInterval` on it when the work is done: store it where teardown can reach it, or return a function that clears it',
          },
        },
        { messageId: 'intervalNeverCleared', line: 7, column: 5, endColumn: 10 },
        { messageId: 'intervalNeverCleared', line: 8, column: 5, endColumn: 23 },
      ],
    },
    // A self-rescheduling setTimeout with a discarded handle and no stop condition.
    {
      code: `declare function refresh(): Promise<void>;
export async function loop(): Promise<void> {
  try {
    await refresh();
  } catch {
    // try again next time
  }
  setTimeout(loop, 30_000);
}
export class Animator {
  frame(): void {
    setTimeout(() => this.frame(), 16);
  }
}`,
      errors: [
        {
          messageId: 'timeoutLoopNeverStops',
          line: 8,
          column: 3,
          data: { fn: 'loop', timer: 'setTimeout', handle: 'discards' },
        },
        {
          messageId: 'timeoutLoopNeverStops',
          line: 12,
          column: 5,
          data: { fn: 'frame', timer: 'setTimeout', handle: 'discards' },
        },
      ],
    },
    // A field interval that close() does not clear; the suggestion clears it there.
    {
      code: `export class Presence {
  private timer: ReturnType<typeof setInterval> | undefined;
  constructor(private readonly send: (beat: string) => void) {
    this.timer = setInterval(() => this.send('beat'), 1000);
  }
  close(): void {
    this.send('bye');
  }
}`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 4,
          column: 5,
          endColumn: 15,
          data: {
            place: 'this.timer',
            what: 'a `setInterval` handle',
            after: 'after teardown the timer keeps firing and keeps the object alive',
            teardown: 'close',
            clear: 'clearInterval',
          },
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              data: { clear: 'clearInterval', place: 'this.timer', teardown: 'close' },
              output: `export class Presence {
  private timer: ReturnType<typeof setInterval> | undefined;
  constructor(private readonly send: (beat: string) => void) {
    this.timer = setInterval(() => this.send('beat'), 1000);
  }
  close(): void {
    clearInterval(this.timer);
    this.send('bye');
  }
}`,
            },
          ],
        },
      ],
    },
    // A timer loop on a field; an empty [Symbol.dispose]; an arrow-function field as the loop.
    {
      code: `export class Sync {
  #timer: ReturnType<typeof setTimeout> | undefined;
  private run = (): void => {
    this.#timer = setTimeout(this.run, 1000);
  };
  [Symbol.dispose](): void {}
}`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 4,
          column: 5,
          data: {
            place: 'this.#timer',
            what: 'the handle of a `setTimeout` loop',
            after: 'after teardown the timer keeps firing and keeps the object alive',
            teardown: '[Symbol.dispose]',
            clear: 'clearTimeout',
          },
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              output: `export class Sync {
  #timer: ReturnType<typeof setTimeout> | undefined;
  private run = (): void => {
    this.#timer = setTimeout(this.run, 1000);
  };
  [Symbol.dispose](): void {
    clearTimeout(this.#timer);
  }
}`,
            },
          ],
        },
      ],
    },
    // teardownMethods: a project's own teardown name.
    {
      code: `export class Widget {
  private timer = setInterval(() => this.render(), 1000);
  render(): void {}
  unmountWidget(): void {}
}`,
      options: [{ teardownMethods: ['unmountWidget'] }],
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 2,
          column: 11,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              output: `export class Widget {
  private timer = setInterval(() => this.render(), 1000);
  render(): void {}
  unmountWidget(): void {
    clearInterval(this.timer);
  }
}`,
            },
          ],
        },
      ],
    },
    // A re-arm on a field without clearing the previous handle, with the suggestion.
    {
      code: `export class Reconnector {
  private retry: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly connect: () => void) {}
  onClose(): void {
    this.retry = setTimeout(() => this.connect(), 1000);
  }
  stop(): void {
    clearTimeout(this.retry);
  }
}`,
      errors: [
        {
          messageId: 'timerOverwritten',
          line: 5,
          column: 5,
          endColumn: 15,
          data: {
            place: 'this.retry',
            timer: 'setTimeout',
            fn: 'onClose',
            consequence: 'still fires',
            clear: 'clearTimeout',
          },
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              data: { clear: 'clearTimeout', place: 'this.retry' },
              output: `export class Reconnector {
  private retry: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly connect: () => void) {}
  onClose(): void {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.connect(), 1000);
  }
  stop(): void {
    clearTimeout(this.retry);
  }
}`,
            },
          ],
        },
      ],
    },
    // A test on a flag the function sets, whose branches both go on to the re-arm, guards nothing.
    {
      code: `export class Carousel {
  private timer: ReturnType<typeof setInterval> | undefined;
  private delay = 0;
  play(): void {
    if (this.delay === 0) this.delay = 5000;
    this.timer = setInterval(() => this.next(), this.delay);
  }
  private next(): void {}
  stop(): void {
    clearInterval(this.timer);
  }
}`,
      errors: [
        {
          messageId: 'timerOverwritten',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              output: `export class Carousel {
  private timer: ReturnType<typeof setInterval> | undefined;
  private delay = 0;
  play(): void {
    if (this.delay === 0) this.delay = 5000;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.next(), this.delay);
  }
  private next(): void {}
  stop(): void {
    clearInterval(this.timer);
  }
}`,
            },
          ],
        },
      ],
    },
    // A function handed on by name that does not lead back to the re-arm makes no loop: every 'ready' re-arms.
    {
      code: `declare const source: { on(event: string, listener: () => void): void };
export class Sampler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor() {
    source.on('ready', this.arm);
  }
  private readonly arm = (): void => {
    this.timer = setTimeout(this.sample, 1000);
  };
  private readonly sample = (): void => {
    source.on('sample', this.record);
  };
  private readonly record = (): void => {};
  stop(): void {
    clearTimeout(this.timer);
  }
}`,
      errors: [
        {
          messageId: 'timerOverwritten',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              output: `declare const source: { on(event: string, listener: () => void): void };
export class Sampler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor() {
    source.on('ready', this.arm);
  }
  private readonly arm = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.sample, 1000);
  };
  private readonly sample = (): void => {
    source.on('sample', this.record);
  };
  private readonly record = (): void => {};
  stop(): void {
    clearTimeout(this.timer);
  }
}`,
            },
          ],
        },
      ],
    },
    // A loop that re-arms through other methods' callbacks on every run, not cleared by teardown.
    {
      code: `declare const socket: { write(data: string, done: () => void): void; destroy(): void };
export class Keepalive {
  private timer: ReturnType<typeof setTimeout> | undefined;
  start(): void {
    this.idle();
  }
  private idle(): void {
    socket.write('IDLE', () => this.arm());
  }
  private arm(): void {
    this.timer = setTimeout(() => {
      socket.write('DONE', () => this.idle());
    }, 10_000);
  }
  destroy(): void {
    socket.destroy();
  }
}`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 11,
          column: 5,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              output: `declare const socket: { write(data: string, done: () => void): void; destroy(): void };
export class Keepalive {
  private timer: ReturnType<typeof setTimeout> | undefined;
  start(): void {
    this.idle();
  }
  private idle(): void {
    socket.write('IDLE', () => this.arm());
  }
  private arm(): void {
    this.timer = setTimeout(() => {
      socket.write('DONE', () => this.idle());
    }, 10_000);
  }
  destroy(): void {
    clearTimeout(this.timer);
    socket.destroy();
  }
}`,
            },
          ],
        },
      ],
    },
    // close() clears the loop, but the handler of the owned stream's 'close' event, the other end of its life, does not.
    {
      code: `import type { Socket } from 'node:net';
export class PingClient {
  private pingTimer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly stream: Socket) {
    stream.on('connect', () => this.ping());
    stream.on('close', () => this.onStreamClose());
  }
  private ping(): void {
    this.pingTimer = setTimeout(() => {
      this.stream.write('PING');
      this.ping();
    }, 1000);
  }
  private onStreamClose(): void {
    console.log('closed');
  }
  close(): void {
    clearTimeout(this.pingTimer);
    this.stream.end();
  }
}`,
      errors: [
        {
          messageId: 'timerNotClearedOnTeardown',
          line: 9,
          column: 5,
          suggestions: [
            {
              messageId: 'clearOnTeardownSuggestion',
              output: `import type { Socket } from 'node:net';
export class PingClient {
  private pingTimer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly stream: Socket) {
    stream.on('connect', () => this.ping());
    stream.on('close', () => this.onStreamClose());
  }
  private ping(): void {
    this.pingTimer = setTimeout(() => {
      this.stream.write('PING');
      this.ping();
    }, 1000);
  }
  private onStreamClose(): void {
    clearTimeout(this.pingTimer);
    console.log('closed');
  }
  close(): void {
    clearTimeout(this.pingTimer);
    this.stream.end();
  }
}`,
            },
          ],
        },
      ],
    },
    // A private helper with one caller that neither guards nor clears (an event handler).
    {
      code: `declare const socket: { on(event: string, listener: () => void): void };
export class Reconnector {
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  constructor() {
    socket.on('error', () => this.scheduleRetry());
    socket.on('close', () => this.scheduleRetry());
  }
  private scheduleRetry(): void {
    this.retryTimer = setTimeout(() => this.connect(), 500);
  }
  private connect(): void {}
  stop(): void {
    clearTimeout(this.retryTimer);
  }
}`,
      errors: [
        {
          messageId: 'timerOverwritten',
          line: 9,
          column: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              output: `declare const socket: { on(event: string, listener: () => void): void };
export class Reconnector {
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  constructor() {
    socket.on('error', () => this.scheduleRetry());
    socket.on('close', () => this.scheduleRetry());
  }
  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), 500);
  }
  private connect(): void {}
  stop(): void {
    clearTimeout(this.retryTimer);
  }
}`,
            },
          ],
        },
      ],
    },
    // A handle typed `| null`: the suggested clear is guarded (the clear functions do not take null).
    {
      code: `export class Runner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  start(onTimeout: () => void): void {
    this.timer = setTimeout(onTimeout, 1000);
  }
  finish(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}`,
      errors: [
        {
          messageId: 'timerOverwritten',
          line: 4,
          column: 5,
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              output: `export class Runner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  start(onTimeout: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(onTimeout, 1000);
  }
  finish(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}`,
            },
          ],
        },
      ],
    },
    // A module variable re-armed on one path without the clear the other path has.
    {
      code: `let ticker: ReturnType<typeof setInterval> | undefined;
export function play(fast: boolean, tick: () => void): void {
  if (fast) {
    clearInterval(ticker);
  }
  ticker = setInterval(tick, fast ? 10 : 100);
}
export function pause(): void {
  clearInterval(ticker);
}`,
      errors: [
        {
          messageId: 'timerOverwritten',
          line: 6,
          column: 3,
          data: {
            place: 'ticker',
            timer: 'setInterval',
            fn: 'play',
            consequence: 'keeps firing forever',
            clear: 'clearInterval',
          },
          suggestions: [
            {
              messageId: 'clearPreviousSuggestion',
              output: `let ticker: ReturnType<typeof setInterval> | undefined;
export function play(fast: boolean, tick: () => void): void {
  if (fast) {
    clearInterval(ticker);
  }
  clearInterval(ticker);
  ticker = setInterval(tick, fast ? 10 : 100);
}
export function pause(): void {
  clearInterval(ticker);
}`,
            },
          ],
        },
      ],
    },
    // A closure variable in a returned object; not a statement of its own: no suggestion.
    {
      code: `export function createBlinker(toggle: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    blink: (): unknown => (timer = setTimeout(toggle, 500)),
    cancel: (): void => clearTimeout(timer),
  };
}`,
      errors: [{ messageId: 'timerOverwritten', line: 4, column: 28, endColumn: 33, suggestions: [] }],
    },
    // A per-request interval kept in a variable, and the request's \`close\` listener later in the block: clear it there.
    {
      code: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function stream(req: IncomingMessage, res: ServerResponse): void {
  const beat = setInterval(() => res.write(': beat\\n\\n'), 15_000);
  req.on('close', () => {
    res.end();
  });
}`,
      errors: [
        {
          messageId: 'intervalNeverCleared',
          line: 3,
          column: 16,
          suggestions: [
            {
              messageId: 'clearInListenerSuggestion',
              data: { keep: '', clear: 'clearInterval', place: 'beat', event: 'close' },
              output: `import type { IncomingMessage, ServerResponse } from 'node:http';
export function stream(req: IncomingMessage, res: ServerResponse): void {
  const beat = setInterval(() => res.write(': beat\\n\\n'), 15_000);
  req.on('close', () => {
    clearInterval(beat);
    res.end();
  });
}`,
            },
          ],
        },
      ],
    },
    // A discarded interval after an expression-bodied \`close\` listener: keep the handle in a \`const\`
    // (\`interval\` is taken) and give the listener a block.
    {
      code: `import type { Duplex } from 'node:stream';
export function keepAlive(socket: Duplex, interval: number, onClose: () => void): void {
  socket.on('close', () => onClose());
  setInterval(() => socket.write('ping'), interval);
}`,
      errors: [
        {
          messageId: 'intervalNeverCleared',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'clearInListenerSuggestion',
              data: {
                keep: ', keeping the handle in a new `const interval2`',
                clear: 'clearInterval',
                place: 'interval2',
                event: 'close',
              },
              output: `import type { Duplex } from 'node:stream';
export function keepAlive(socket: Duplex, interval: number, onClose: () => void): void {
  socket.on('close', () => {
    clearInterval(interval2);
    onClose();
  });
  const interval2 = setInterval(() => socket.write('ping'), interval);
}`,
            },
          ],
        },
      ],
    },
    // An event named like a teardown method (\`$destroy\`) ends the owner's life too.
    {
      code: `interface Scope {
  $on(event: string, listener: () => void): void;
}
export function link(scope: Scope, refresh: () => void): void {
  const timer = setInterval(refresh, 1000);
  scope.$on('$destroy', () => {});
}`,
      errors: [
        {
          messageId: 'intervalNeverCleared',
          line: 5,
          column: 17,
          suggestions: [],
        },
      ],
    },
    // Refused: the \`close\` listener comes before the interval with other work in between (an event
    // there could run the listener before the handle's \`const\` is set).
    {
      code: `import type { Duplex } from 'node:stream';
export function keepAlive(socket: Duplex): void {
  socket.on('close', () => {
    socket.destroy();
  });
  socket.write('hello');
  setInterval(() => socket.write('ping'), 1000);
}`,
      errors: [{ messageId: 'intervalNeverCleared', line: 7, column: 3, suggestions: [] }],
    },
    // Refused: the listener's return value is read (its type returns a boolean), so its body cannot become a block.
    {
      code: `interface Channel {
  on(event: 'close', listener: () => boolean): void;
  send(message: string): void;
}
export function ping(channel: Channel, done: () => boolean): void {
  setInterval(() => channel.send('ping'), 1000);
  channel.on('close', () => done());
}`,
      errors: [{ messageId: 'intervalNeverCleared', line: 6, column: 3, suggestions: [] }],
    },
    // Refused: a module-level interval whose handle has no \`unref()\` (a DOM-typed handle).
    {
      code: `const stats = { ticks: 0 };
window.setInterval(() => {
  stats.ticks++;
}, 1000);
export { stats };`,
      errors: [{ messageId: 'intervalNeverCleared', line: 2, column: 1, suggestions: [] }],
    },
    // Only a listener registration for a closing event takes the clear: a route named like a teardown method is neither.
    {
      code: `export function setup(app: { post(path: string, h: () => void): void }, log: (m: string) => void): void {
  setInterval(() => {
    log('tick');
  }, 1000);
  app.post('/stop', () => {
    log('stop route');
  });
}
`,
      errors: [{ messageId: 'intervalNeverCleared', line: 2, column: 3, suggestions: [] }],
    },
    // The together check (case 33): a timer kept in a `const` between the listener and this one is still only a timer armed; the listener is found.
    {
      code: `import { EventEmitter } from 'node:events';

export class Connection extends EventEmitter {
  constructor(transport: EventEmitter) {
    super();
    transport.on('close', () => {
      clearInterval(first);
    });
    const first = setInterval(() => this.emit('a'), 1000);
    setInterval(() => this.emit('b'), 1000);
  }
}
`,
      errors: [
        {
          messageId: 'intervalNeverCleared',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'clearInListenerSuggestion',
              output: `import { EventEmitter } from 'node:events';

export class Connection extends EventEmitter {
  constructor(transport: EventEmitter) {
    super();
    transport.on('close', () => {
      clearInterval(interval);
      clearInterval(first);
    });
    const first = setInterval(() => this.emit('a'), 1000);
    const interval = setInterval(() => this.emit('b'), 1000);
  }
}
`,
            },
          ],
        },
      ],
    },
    // Property test: the block's first statement has a scope of its own; the new name is still checked against the listener's locals (`interval` is taken there).
    {
      code: `import { EventEmitter } from 'node:events';
export function watch(socket: EventEmitter): void {
  {
    console.log('first');
  }
  setInterval(() => console.log('beat'), 1000);
  socket.on('close', () => {
    const interval = Date.now();
    console.log(interval);
  });
}
`,
      errors: [
        {
          messageId: 'intervalNeverCleared',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'clearInListenerSuggestion',
              output: `import { EventEmitter } from 'node:events';
export function watch(socket: EventEmitter): void {
  {
    console.log('first');
  }
  const interval2 = setInterval(() => console.log('beat'), 1000);
  socket.on('close', () => {
    clearInterval(interval2);
    const interval = Date.now();
    console.log(interval);
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
