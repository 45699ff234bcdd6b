// Source: https://github.com/HowProgrammingWorks/NodejsStarterKit/issues/63
// Bug: none: each loop iteration takes a semaphore slot and gives it back in finally, so the `continue` for skipped files and a failing upload both release it.
// expect: none

export class Semaphore {
  private readonly waiters: Array<() => void> = [];

  constructor(private available: number) {}

  async acquire(): Promise<void> {
    if (this.available > 0) this.available -= 1;
    else await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.available += 1;
  }
}

export async function uploadAll(files: readonly string[], semaphore: Semaphore, upload: (file: string) => Promise<void>): Promise<void> {
  for (const file of files) {
    await semaphore.acquire();
    try {
      if (file.endsWith('.tmp')) {
        continue;
      }
      await upload(file);
    } finally {
      semaphore.release();
    }
  }
}
