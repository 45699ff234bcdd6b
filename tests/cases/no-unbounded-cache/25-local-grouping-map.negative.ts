// Source: https://github.com/metabase/metabase/pull/81866
// Bug: none: the grouping Map is created inside the call and dropped when it returns (the pattern the metabase fix moved caches to), so it cannot accumulate across calls.
// expect: none

export interface Order {
  customerId: string;
  total: number;
}

export function totalsByCustomer(orders: readonly Order[]): Array<[string, number]> {
  const totals = new Map<string, number>();
  const seen = new Set<string>();
  for (const order of orders) {
    totals.set(order.customerId, (totals.get(order.customerId) ?? 0) + order.total);
    seen.add(order.customerId);
  }
  const rows: Array<[string, number]> = [];
  for (const [customerId, total] of totals) rows.push([customerId, total]);
  return rows.sort((a, b) => b[1] - a[1]).slice(0, seen.size);
}
