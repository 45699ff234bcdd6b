// Source: https://github.com/isaacs/char-spinner/pull/9
// Bug: negative: one module-level exit handler, added by each spinner only when process does not already have it (the PR's check, with a handler that is not made fresh each time).
// expect: none

let lastStream: NodeJS.WriteStream | undefined;

function clearLine(): void {
  lastStream?.write('\r \r');
}

export function spin(stream: NodeJS.WriteStream, text: string): void {
  lastStream = stream;
  if (!process.listeners('exit').includes(clearLine)) process.on('exit', clearLine);
  stream.write(`\r${text}`);
}
