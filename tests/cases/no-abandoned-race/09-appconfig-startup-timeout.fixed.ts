// Source: https://github.com/Azure/AppConfiguration-JavaScriptProvider/pull/144
// Bug: fixed twin: the startup timer is cleared in finally and the listing request is given an abortSignal aborted in finally.
// expect: none

export interface ConfigurationSetting {
  key: string;
  value?: string;
}

declare function listConfigurationSettings(
  keyFilter: string,
  options?: { abortSignal?: AbortSignal },
): Promise<ConfigurationSetting[]>;

export async function loadWithStartupTimeout(
  keyFilter: string,
  startupTimeoutMs = 100_000,
): Promise<Record<string, string>> {
  const abortController = new AbortController();
  let timeoutId: ReturnType<typeof setTimeout> | undefined;
  try {
    const settings = await Promise.race([
      listConfigurationSettings(keyFilter, { abortSignal: abortController.signal }),
      new Promise<never>((_, reject) => {
        timeoutId = setTimeout(() => reject(new Error('Load operation timed out.')), startupTimeoutMs);
      }),
    ]);
    return Object.fromEntries(settings.map((s) => [s.key, s.value ?? '']));
  } finally {
    clearTimeout(timeoutId);
    abortController.abort();
  }
}
