// Source: https://github.com/apmantza/pi-lens/issues/1109
// Bug: the LSP references request was raced against a 750 ms setTimeout that stayed pending and ref'd when the request won, keeping one-shot CLI runs alive, and the request was never cancelled.
// expect: no-abandoned-race/timerNeverCleared 17:18
// expect: no-abandoned-race/workNeverAborted 17:18

export interface Location {
  uri: string;
  line: number;
}

declare const lspService: {
  references(file: string, line: number, column: number, includeDeclaration: boolean): Promise<Location[]>;
};

export async function cascadeReferences(file: string, line: number, column: number): Promise<Location[]> {
  try {
    return await Promise.race([
      lspService.references(file, line - 1, column - 1, false),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 750)),
    ]);
  } catch {
    return [];
  }
}
