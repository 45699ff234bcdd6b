// Source: https://github.com/atlassian/react-beautiful-dnd/issues/1321
// Bug: none: a warn-once helper remembers the messages it has printed, and every caller passes a string literal, so the set can hold at most the handful of messages written in this file (the proposal; the maintainer's worry was messages with dynamic parts).
// expect: none

const printed = new Set<string>();

function warnOnce(message: string): void {
  if (printed.has(message)) return;
  printed.add(message);
  console.warn(`[dnd] ${message}`);
}

export interface DroppableDimensions {
  isFixedOnPage: boolean;
  hasNestedScrollContainer: boolean;
  isCombineEnabled: boolean;
  direction: 'vertical' | 'horizontal';
}

export function checkDroppable(dimensions: DroppableDimensions): void {
  if (dimensions.hasNestedScrollContainer) {
    warnOnce('Droppable: unsupported nested scroll container detected. Only one scroll parent is supported.');
  }
  if (dimensions.isFixedOnPage && dimensions.isCombineEnabled) {
    warnOnce('Droppable: combining is not supported inside a fixed list.');
  }
}

export function checkDragHandle(hasDragHandle: boolean, isInteractiveElement: boolean): void {
  if (!hasDragHandle) warnOnce('Draggable: no drag handle was found; the whole item will be draggable.');
  if (isInteractiveElement) warnOnce('Draggable: drag started on an interactive element and was ignored.');
}
