// Source: https://github.com/pmndrs/zustand/pull/997
// Bug: none: as that docs PR recommends for Map state, the reducer copies the map, sets the item and prunes it again when its quantity drops to zero; the copy becomes the next state, so the set is an update of a value, not an acquire that needs a release.
// expect: none

export interface CartItem {
  sku: string;
  quantity: number;
}

export interface CartState {
  items: ReadonlyMap<string, CartItem>;
  revision: number;
}

export function setQuantity(state: CartState, sku: string, quantity: number): CartState {
  const items = new Map(state.items);
  items.set(sku, { sku, quantity });
  if (quantity <= 0) {
    items.delete(sku);
  }
  return { items, revision: state.revision + 1 };
}
