// Source: https://github.com/shenjingnan/xiaozhi-client/pull/2826
// Bug: none: createTimeoutPromise() returns `{ promise, cleanup }`, the race's finally calls cleanup() (which clears the timer) and aborts the tool call's controller, as the PR does for custom tools.
// expect: none

export interface ToolResult {
  content: { type: 'text'; text: string }[];
}

export interface ToolClient {
  callTool(request: { name: string; arguments: Record<string, unknown> }, options?: { signal?: AbortSignal }): Promise<ToolResult>;
}

function createTimeoutPromise(ms: number, message: string): { promise: Promise<never>; cleanup: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return { promise, cleanup: () => clearTimeout(timer) };
}

export async function callCustomTool(client: ToolClient, name: string, args: Record<string, unknown>, ms: number): Promise<ToolResult> {
  const controller = new AbortController();
  const { promise: timeout, cleanup } = createTimeoutPromise(ms, `custom tool ${name} timed out after ${ms}ms`);
  try {
    return await Promise.race([client.callTool({ name, arguments: args }, { signal: controller.signal }), timeout]);
  } finally {
    cleanup();
    controller.abort();
  }
}
