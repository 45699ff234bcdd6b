/**
 * A minimal Language Server Protocol client over stdio: enough of an editor to
 * drive the ESLint language server the way VS Code, Neovim or Zed do. It keeps
 * the text of open documents and applies the `workspace/applyEdit` requests the
 * server sends when a code action's command runs.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  command?: Command;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[];
}
interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

type ServerRequestHandler = (params: unknown) => unknown;

export class LanguageClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, ServerRequestHandler>();
  /** Text of every open document, by URI, kept in step with the server. */
  readonly documents = new Map<string, { text: string; version: number }>();
  /** Everything the server logged or notified, for failure messages. */
  readonly log: string[] = [];
  /** URLs the server asked the editor to open (`eslint/openDoc`). */
  readonly openedDocs: string[] = [];

  constructor(command: string, args: readonly string[], cwd: string) {
    this.child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.child.stderr.on('data', (chunk: Buffer) => this.log.push(chunk.toString('utf8')));
    this.child.on('exit', (code) => {
      for (const { reject } of this.pending.values())
        reject(new Error(`server exited with ${String(code)}\n${this.log.join('\n')}`));
      this.pending.clear();
    });
    this.onRequest('workspace/applyEdit', (params) => {
      this.applyWorkspaceEdit((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    this.onRequest('eslint/openDoc', (params) => {
      this.openedDocs.push((params as { url: string }).url);
      return {};
    });
    for (const method of [
      'client/registerCapability',
      'window/workDoneProgress/create',
      'workspace/diagnostic/refresh',
    ]) {
      this.onRequest(method, () => null);
    }
    for (const method of ['eslint/noConfig', 'eslint/noLibrary', 'eslint/probeFailed', 'window/showMessageRequest']) {
      this.onRequest(method, (params) => {
        this.log.push(`${method} ${JSON.stringify(params)}`);
        return {};
      });
    }
  }

  onRequest(method: string, handler: ServerRequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  open(uri: string, languageId: string, text: string): void {
    this.documents.set(uri, { text, version: 1 });
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text of an open document, as an editor does after an edit. */
  change(uri: string, text: string): void {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    document.text = text;
    document.version += 1;
    this.notify('textDocument/didChange', {
      textDocument: { uri, version: document.version },
      contentChanges: [{ text }],
    });
  }

  /** Pulls diagnostics (`textDocument/diagnostic`), the way the ESLint server publishes them. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    return report.items;
  }

  codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
  }

  async execute(command: Command): Promise<void> {
    await this.request('workspace/executeCommand', { command: command.command, arguments: command.arguments });
  }

  async shutdown(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } catch {
      // The server is gone already.
    }
    const timer = setTimeout(() => this.child.kill(), 5_000);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${String(body.length)}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined) {
      const waiter = this.pending.get(Number(message.id));
      if (!waiter) return;
      this.pending.delete(Number(message.id));
      if (message.error) waiter.reject(new Error(`${message.error.message}\n${this.log.join('\n')}`));
      else waiter.resolve(message.result);
      return;
    }
    if (message.id === undefined) {
      this.log.push(`${message.method} ${JSON.stringify(message.params)}`);
      return;
    }
    const handler = this.handlers.get(message.method);
    if (!handler) {
      this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `unhandled ${message.method}` } });
      return;
    }
    this.send({ jsonrpc: '2.0', id: message.id, result: handler(message.params) });
  }

  private applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const perDocument = [
      ...Object.entries(edit.changes ?? {}),
      ...(edit.documentChanges ?? []).map((change) => [change.textDocument.uri, change.edits] as const),
    ];
    for (const [uri, edits] of perDocument) {
      const document = this.documents.get(uri);
      if (!document) throw new Error(`edit for a document that is not open: ${uri}`);
      this.change(uri, applyEdits(document.text, edits));
    }
  }
}

/** Applies LSP text edits (ranges on the original text) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: Position): number => (lineStarts[position.line] ?? text.length) + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  }
  return result;
}
