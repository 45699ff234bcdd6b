// Source: https://github.com/ZoneMinder/zoneminder/pull/5138
// Bug: fixed twin: cycleStart() clears the previous interval before arming a new one, so every caller is safe in any order.
// expect: none

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
  clearInterval(cycleTimer);
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
