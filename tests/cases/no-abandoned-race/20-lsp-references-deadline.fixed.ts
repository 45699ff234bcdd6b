// Source: https://github.com/apmantza/pi-lens/issues/1109
// Bug: fixed twin: the deadline timer is stored and cleared in finally, and the request takes a signal aborted there (LSP $/cancelRequest).
// expect: none

export interface Location {
  uri: string;
  line: number;
}

declare const lspService: {
  references(
    file: string,
    line: number,
    column: number,
    includeDeclaration: boolean,
    options?: { signal?: AbortSignal },
  ): Promise<Location[]>;
};

export async function cascadeReferences(file: string, line: number, column: number): Promise<Location[]> {
  const controller = new AbortController();
  let deadline: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      lspService.references(file, line - 1, column - 1, false, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        deadline = setTimeout(() => reject(new Error('timeout')), 750);
      }),
    ]);
  } catch {
    return [];
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
}
