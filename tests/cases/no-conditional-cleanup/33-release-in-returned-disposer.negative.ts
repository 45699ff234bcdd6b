// Source: https://github.com/ueberdosis/hocuspocus/pull/348
// Bug: none: the resize listener is removed by the unsubscribe function that is returned to the caller, which owns the listener's lifetime; nothing in this function is skipped.
// expect: none

export type Unsubscribe = () => void;

export function watchViewport(target: Window, onChange: (width: number) => void): Unsubscribe {
  const onResize = (): void => {
    onChange(target.innerWidth);
  };
  target.addEventListener('resize', onResize);
  onChange(target.innerWidth);
  return () => {
    target.removeEventListener('resize', onResize);
  };
}
