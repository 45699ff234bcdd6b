// Source: https://github.com/postmanlabs/postman-code-generators/pull/299
// Bug: fixed: the slot is signalled in finally, so the guarded failure branch and thrown conversions give it back too.
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

export type Convert = (name: string) => Promise<{ snippet?: string; error?: string }>;

export async function generateSnippets(names: readonly string[], convert: Convert, report: (name: string, text: string) => void): Promise<void> {
  const semaphore = new Semaphore(4);
  await Promise.all(
    names.map(async (name) => {
      await semaphore.acquire();
      try {
        const result = await convert(name);
        if (result.error !== undefined) {
          report(name, `failed: ${result.error}`);
          return;
        }
        report(name, result.snippet ?? '');
      } finally {
        semaphore.release();
      }
    }),
  );
}
