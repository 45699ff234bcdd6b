// Source: https://github.com/mattermost/mattermost-webapp/pull/1136
// Bug: fixed twin: the effect returns a cleanup that removes the listener.
// expect: none

type Cleanup = () => void;
declare function useEffect(effect: () => Cleanup | void, deps: readonly unknown[]): void;
declare function useState<T>(initial: T): [T, (next: T) => void];

export function useImageWidth(image: HTMLImageElement): number {
  const [width, setWidth] = useState(image.clientWidth);
  useEffect(() => {
    const onResize = (): void => setWidth(image.clientWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [image]);
  return width;
}
