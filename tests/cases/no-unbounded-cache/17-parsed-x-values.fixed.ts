// Source: https://github.com/metabase/metabase/pull/81866
// Bug: fixed (metabase PR #81866): the memo Map is created per getXValues call, so it lives only as long as the work it serves.
// expect: none

export type XValue = number | string | null;

function parseXValue(raw: string, isTimeseries: boolean, parsedValues: Map<string, XValue>): XValue {
  const cached = parsedValues.get(raw);
  if (cached !== undefined) return cached;
  const parsed = isTimeseries ? Date.parse(raw) : Number.isNaN(Number(raw)) ? raw : Number(raw);
  parsedValues.set(raw, parsed);
  return parsed;
}

export function getXValues(rows: readonly string[][], isTimeseries: boolean): XValue[] {
  const parsedValues = new Map<string, XValue>();
  const values: XValue[] = [];
  for (const row of rows) {
    const raw = row[0];
    values.push(raw === undefined ? null : parseXValue(raw, isTimeseries, parsedValues));
  }
  return values;
}
