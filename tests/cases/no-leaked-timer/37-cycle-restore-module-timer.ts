// Source: https://github.com/ZoneMinder/zoneminder/pull/5138
// Bug: cycleStart() put a fresh interval into the module's cycle handle without clearing the one there, and page restores (visibilitychange, pageshow) called it again, so orphan intervals advanced the view twice per second and pause stopped only the last.
// expect: no-leaked-timer/timerOverwritten 21:3

let cycleTimer: ReturnType<typeof setInterval> | undefined;
let cycling = false;
let secondsToCycle = 0;
let viewIndex = 0;

function nextCycleView(): void {
  secondsToCycle -= 1;
  if (secondsToCycle > 0) return;
  viewIndex += 1;
  document.body.dataset['view'] = String(viewIndex);
  secondsToCycle = 30;
}

function cycleStart(): void {
  cycling = true;
  if (secondsToCycle === 0) secondsToCycle = 30;
  cycleTimer = setInterval(nextCycleView, 1000);
}

export function cyclePause(): void {
  cycling = false;
  clearInterval(cycleTimer);
}

export function onPlayClick(): void {
  cycleStart();
}

function startPage(): void {
  if (cycling) cycleStart();
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden) startPage();
});
window.addEventListener('pageshow', startPage);
