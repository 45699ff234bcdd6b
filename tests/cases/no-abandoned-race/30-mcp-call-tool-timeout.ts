// Source: https://github.com/shenjingnan/xiaozhi-client/pull/1509
// Bug: callTool() raced the MCP request against createTimeoutPromise(), whose setTimeout was never cleared when the tool answered first, so timers piled up under frequent calls.
// expect: no-abandoned-race/timerNeverCleared 21:10
// expect: no-abandoned-race/signalNotPassed 21:10

export interface ToolResult {
  content: { type: 'text'; text: string }[];
}

export interface McpClient {
  callTool(params: { name: string; arguments: object }, options?: { signal?: AbortSignal }): Promise<ToolResult>;
}

function createTimeoutPromise(ms: number, toolName: string): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(`Tool ${toolName} timed out after ${ms}ms`)), ms);
  });
}

export function callTool(client: McpClient, name: string, args: object, ms = 8_000): Promise<ToolResult> {
  return Promise.race([client.callTool({ name, arguments: args }), createTimeoutPromise(ms, name)]);
}
