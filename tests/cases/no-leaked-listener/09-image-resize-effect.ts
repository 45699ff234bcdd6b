// Source: https://github.com/mattermost/mattermost-webapp/pull/1136
// Bug: image components listened to window 'resize' and never removed the listener on unmount, so closed image previews stayed in memory (heap snapshots before and after the fix).
// expect: no-leaked-listener/listenerNeverRemoved 13:5

type Cleanup = () => void;
declare function useEffect(effect: () => Cleanup | void, deps: readonly unknown[]): void;
declare function useState<T>(initial: T): [T, (next: T) => void];

export function useImageWidth(image: HTMLImageElement): number {
  const [width, setWidth] = useState(image.clientWidth);
  useEffect(() => {
    const onResize = (): void => setWidth(image.clientWidth);
    window.addEventListener('resize', onResize);
  }, [image]);
  return width;
}
