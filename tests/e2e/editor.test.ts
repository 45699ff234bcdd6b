/**
 * The editor: the ESLint language server that VS Code, Neovim, Zed and Helix
 * run (`vscode-eslint-language-server`), over stdio, on a workspace that
 * installs the packed plugin and has a flat `eslint.config.js`. Squiggles,
 * quick fixes, "show documentation", and the time to relint after a keystroke.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CodeAction, type Diagnostic, LanguageClient } from './lsp.js';
import { createWorkspace, DOCS, fixturesDir, RECOMMENDED_MJS, repoRoot, type Workspace } from './workspace.js';

const serverBin = path.join(
  repoRoot,
  'node_modules',
  'vscode-langservers-extracted',
  'bin',
  'vscode-eslint-language-server',
);

let workspace: Workspace;
let client: LanguageClient;
let uri: string;
const original = readFileSync(path.join(fixturesDir, 'leaky', 'src', 'leaks.ts'), 'utf8');

/** The settings VS Code's ESLint extension sends, for ESLint 10 and flat config. */
function settings(folder: string): Record<string, unknown> {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: path.basename(folder), uri: pathToFileURL(folder).href },
  };
}

beforeAll(async () => {
  workspace = createWorkspace({
    fixtures: ['leaky'],
    files: { 'package.json': '{ "private": true, "type": "module" }\n', 'eslint.config.js': RECOMMENDED_MJS },
  });
  client = new LanguageClient(process.execPath, [serverBin, '--stdio'], workspace.dir);
  client.onRequest('workspace/configuration', (params) =>
    (params as { items: unknown[] }).items.map(() => settings(workspace.dir)),
  );
  const rootUri = pathToFileURL(workspace.dir).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: path.basename(workspace.dir) }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceFolders: true },
      textDocument: {
        synchronization: { didSave: true },
        diagnostic: { dynamicRegistration: false },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        },
      },
    },
  });
  client.notify('initialized', {});
  uri = pathToFileURL(path.join(workspace.dir, 'src', 'leaks.ts')).href;
  client.open(uri, 'typescript', original);
}, 120_000);

afterAll(async () => {
  await client.shutdown();
  workspace.remove();
});

/** `startLine:startCol-endLine:endCol rule`, 1-based like ESLint's output. */
function where(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${String(start.line + 1)}:${String(start.character + 1)}-${String(end.line + 1)}:${String(end.character + 1)} ${String(diagnostic.code)}`;
}

async function currentDiagnostics(): Promise<Diagnostic[]> {
  return client.diagnostics(uri);
}

async function actionsFor(
  rule: string,
  line: number,
  index = 0,
): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
  const diagnostic = (await currentDiagnostics()).filter((d) => d.code === rule && d.range.start.line + 1 === line)[
    index
  ];
  if (!diagnostic) throw new Error(`no ${rule} diagnostic on line ${String(line)}`);
  return { diagnostic, actions: await client.codeActions(uri, diagnostic) };
}

/** Runs the code action titled `title` and returns the document's new text, then restores the original. */
async function apply(actions: readonly CodeAction[], title: string): Promise<string> {
  const action = actions.find((a) => a.title === title);
  if (!action?.command) throw new Error(`no code action "${title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
  await client.execute(action.command);
  const text = client.documents.get(uri)?.text ?? '';
  client.change(uri, original);
  return text;
}

describe('the ESLint language server with the packed plugin', () => {
  it('shows a squiggle for each leak, with our message, range and doc link', async () => {
    const diagnostics = await currentDiagnostics();
    expect(diagnostics.map(where)).toEqual([
      '7:7-7:15 leaks/no-unbounded-cache',
      '21:3-21:27 leaks/no-conditional-cleanup',
      '34:5-34:23 leaks/no-conditional-cleanup',
      '42:10-45:5 leaks/no-abandoned-race',
      '42:10-45:5 leaks/no-abandoned-race',
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '`lastSeen` (a module-level Map) gains an entry on every call to `touch()` (line 10) and nothing removes one. Delete entries when they are done, cap its size with eviction, sweep it on a TTL, or use a WeakMap or an LRU cache.',
      '`clearInterval(heartbeat)` is skipped when `await flush()` on line 20 throws; the timer started by `setInterval(() => undefined, …)` on line 19 stays armed. Release it in a `finally` block.',
      '`pending.delete(id)` runs only when `value < 0`; the entry added by `pending.set(id, …)` on line 31 stays on every other path. Release it in a `finally` block.',
      'The timer behind `new Promise<never>((_, reject) => setTimeout(() => reject…` stays armed after the race settles, holding its closure and keeping the process alive. Keep its handle and clear it in a `finally` block, or use a timer with a `signal` you abort.',
      '`fetch()` accepts a `signal` but gets none: when the timeout wins it keeps running with everything it captured. Pass one that aborts when the timeout wins (`AbortSignal.timeout(ms)`, or a controller aborted in `finally`).',
    ]);
    expect(diagnostics.map((d) => [d.source, d.severity, d.codeDescription?.href])).toEqual([
      ['eslint', 1, `${DOCS}/no-unbounded-cache.md`],
      ['eslint', 1, `${DOCS}/no-conditional-cleanup.md`],
      ['eslint', 1, `${DOCS}/no-conditional-cleanup.md`],
      ['eslint', 1, `${DOCS}/no-abandoned-race.md`],
      ['eslint', 1, `${DOCS}/no-abandoned-race.md`],
    ]);
  });

  it('offers the fix as a quick fix, and applying it moves the release into finally', async () => {
    const { actions } = await actionsFor('leaks/no-conditional-cleanup', 21);
    expect(actions.map((a) => a.title)).toEqual([
      'Fix this leaks/no-conditional-cleanup problem',
      'Disable leaks/no-conditional-cleanup for this line',
      'Disable leaks/no-conditional-cleanup for the entire file',
      'Show documentation for leaks/no-conditional-cleanup',
      'Fix all auto-fixable problems',
    ]);
    const text = await apply(actions, 'Fix this leaks/no-conditional-cleanup problem');
    expect(text).toBe(
      original.replace(
        '  await flush();\n  clearInterval(heartbeat);\n',
        '  try {\n    await flush();\n  } finally {\n    clearInterval(heartbeat);\n  }\n',
      ),
    );
  });

  it('offers "Move … into a finally block" for a release behind a branch', async () => {
    const { actions } = await actionsFor('leaks/no-conditional-cleanup', 34);
    const title =
      'Move `pending.delete(id)` into a `finally` block that covers everything after `pending.set(id, …)`. (leaks/no-conditional-cleanup)';
    expect(actions.map((a) => a.title)).toEqual([
      title,
      'Disable leaks/no-conditional-cleanup for this line',
      'Disable leaks/no-conditional-cleanup for the entire file',
      'Show documentation for leaks/no-conditional-cleanup',
    ]);
    expect(await apply(actions, title)).toBe(
      original.replace(
        '  pending.set(id, work);\n  const value = await work;\n  if (value < 0) {\n    pending.delete(id);\n  }\n  return value;\n',
        '  pending.set(id, work);\n  try {\n    const value = await work;\n    return value;\n  } finally {\n    pending.delete(id);\n  }\n',
      ),
    );
  });

  it('offers the WeakMap suggestion', async () => {
    const { actions } = await actionsFor('leaks/no-unbounded-cache', 7);
    const title =
      'Make `lastSeen` a WeakMap: its keys are objects, so an entry goes away when its key is no longer used. (leaks/no-unbounded-cache)';
    expect(actions.map((a) => a.title)).toEqual([
      title,
      'Disable leaks/no-unbounded-cache for this line',
      'Disable leaks/no-unbounded-cache for the entire file',
      'Show documentation for leaks/no-unbounded-cache',
    ]);
    expect(await apply(actions, title)).toBe(
      original.replace(
        'const lastSeen = new Map<Session, number>();',
        'const lastSeen = new WeakMap<Session, number>();',
      ),
    );
  });

  it('offers the AbortSignal.timeout suggestion', async () => {
    const { actions } = await actionsFor('leaks/no-abandoned-race', 42, 1);
    const title = 'Drop the race and pass `signal: AbortSignal.timeout(5000)` to `fetch()`. (leaks/no-abandoned-race)';
    expect(actions.map((a) => a.title)).toContain(title);
    expect(await apply(actions, title)).toBe(
      original.replace(
        /return Promise\.race\(\[\n {4}fetch\(url\),\n[^\n]*\n {2}\]\);/,
        'return fetch(url, { signal: AbortSignal.timeout(5000) });',
      ),
    );
  });

  it('"Show documentation" opens the rule doc that ships in the package', async () => {
    for (const [rule, line] of [
      ['no-unbounded-cache', 7],
      ['no-conditional-cleanup', 21],
      ['no-abandoned-race', 42],
    ] as const) {
      const { actions } = await actionsFor(`leaks/${rule}`, line);
      const show = actions.find((a) => a.title === `Show documentation for leaks/${rule}`);
      if (!show?.command) throw new Error(`no documentation action for ${rule}`);
      await client.execute(show.command);
      expect(client.openedDocs.at(-1)).toBe(`${DOCS}/${rule}.md`);
      const shipped = readFileSync(
        path.join(workspace.dir, 'node_modules', 'eslint-plugin-leaks', 'docs', 'rules', `${rule}.md`),
        'utf8',
      );
      expect(shipped).toContain(`# leaks/${rule}`);
    }
  });

  it('relints a 2,000-line file quickly after an edit (printed, not asserted)', async () => {
    const block = original.replace(/^\/\/.*\n/gm, '');
    const blocks: string[] = [];
    for (let i = 0; blocks.join('').split('\n').length < 2000; i++) {
      blocks.push(
        block.replace(
          /\b(Session|lastSeen|touch|flush|flushWithHeartbeat|pending|load|getStatus|sessions)\b/g,
          `$1${String(i)}`,
        ),
      );
    }
    const big = blocks.join('\n');
    const bigUri = pathToFileURL(path.join(workspace.dir, 'src', 'big.ts')).href;
    workspace.write('src/big.ts', big);
    client.open(bigUri, 'typescript', big);
    const first = await client.diagnostics(bigUri);
    expect(first.length).toBe(5 * blocks.length);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      client.change(bigUri, `${big}\nexport const edit${String(i)} = ${String(i)};\n`);
      const start = performance.now();
      const diagnostics = await client.diagnostics(bigUri);
      times.push(performance.now() - start);
      expect(diagnostics.length).toBe(5 * blocks.length);
    }
    times.sort((a, b) => a - b);
    const lines = big.split('\n').length;
    console.log(
      `editor relint of a ${String(lines)}-line file after an edit (warm program, all typed rules): median ${times[7]?.toFixed(0) ?? '?'} ms, min ${times[0]?.toFixed(0) ?? '?'} ms, max ${times[14]?.toFixed(0) ?? '?'} ms over 15 edits`,
    );
  });
});
