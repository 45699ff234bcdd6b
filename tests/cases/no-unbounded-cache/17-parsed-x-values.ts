// Source: https://github.com/metabase/metabase/pull/81866
// Bug: the chart renderer memoised parsed x-axis values in a top-level Map keyed by the raw value, so every value of every chart ever drawn stayed cached for the life of the tab (22.5 MB measured).
// expect: no-unbounded-cache/mapNeverShrinks 7:7

export type XValue = number | string | null;

const parsedValues = new Map<string, XValue>();

function parseXValue(raw: string, isTimeseries: boolean): XValue {
  const cached = parsedValues.get(raw);
  if (cached !== undefined) return cached;
  const parsed = isTimeseries ? Date.parse(raw) : Number.isNaN(Number(raw)) ? raw : Number(raw);
  parsedValues.set(raw, parsed);
  return parsed;
}

export function getXValues(rows: readonly string[][], isTimeseries: boolean): XValue[] {
  const values: XValue[] = [];
  for (const row of rows) {
    const raw = row[0];
    values.push(raw === undefined ? null : parseXValue(raw, isTimeseries));
  }
  return values;
}
