// Source: https://github.com/Azure/AppConfiguration-JavaScriptProvider/pull/144
// Bug: the provider raced its startup load against a setTimeout; Promise.race cancelled neither, so the timer kept the Node process running and the listing request went on after a timeout.
// expect: no-abandoned-race/timerNeverCleared 20:26
// expect: no-abandoned-race/signalNotPassed 20:26

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
  const settings = await Promise.race([
    listConfigurationSettings(keyFilter),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('Load operation timed out.')), startupTimeoutMs),
    ),
  ]);
  return Object.fromEntries(settings.map((s) => [s.key, s.value ?? '']));
}
