// Source: https://github.com/shenjingnan/xiaozhi-client/pull/1509
// Bug: fixed twin: the timeout handle is cleared in finally and the MCP request gets a signal aborted there.
// expect: none

export interface ToolResult {
  content: { type: 'text'; text: string }[];
}

export interface McpClient {
  callTool(params: { name: string; arguments: object }, options?: { signal?: AbortSignal }): Promise<ToolResult>;
}

export async function callTool(client: McpClient, name: string, args: object, ms = 8_000): Promise<ToolResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      client.callTool({ name, arguments: args }, { signal: controller.signal }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Tool ${name} timed out after ${ms}ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
