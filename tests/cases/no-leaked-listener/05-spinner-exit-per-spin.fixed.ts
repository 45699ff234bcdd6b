// Source: https://github.com/isaacs/char-spinner/pull/9
// Bug: fixed twin: the exit handler is named and the stop function removes it with the timer.
// expect: none

export function spinner(stream: NodeJS.WriteStream, frames = '|/-\\'): () => void {
  let frame = 0;
  const timer = setInterval(() => {
    stream.write(`\r${frames[frame++ % frames.length] ?? ''}`);
  }, 80);
  const clear = (): void => {
    stream.write('\r \r');
  };
  process.on('exit', clear);
  return () => {
    clearInterval(timer);
    process.removeListener('exit', clear);
  };
}
