// Source: https://github.com/isaacs/char-spinner/pull/9
// Bug: every spinner started between polls added a new process 'exit' listener (a fresh closure each time), so a CLI polling logs leaked listeners until Node warned.
// expect: no-leaked-listener/inlineListenerNeverRemoved 10:3

export function spinner(stream: NodeJS.WriteStream, frames = '|/-\\'): () => void {
  let frame = 0;
  const timer = setInterval(() => {
    stream.write(`\r${frames[frame++ % frames.length] ?? ''}`);
  }, 80);
  process.on('exit', () => stream.write('\r \r'));
  return () => clearInterval(timer);
}
