// Where each SKU is shelved, per warehouse; asking for a SKU a warehouse does not stock is an error.
const shelves: Record<string, Record<string, string>> = {
  leipzig: { 'tea-001': 'A3', 'tea-017': 'A4', 'pot-003': 'C1' },
  berlin: { 'tea-001': 'B7' },
};

export function shelfOf(warehouse: string, sku: string): string {
  const shelf = shelves[warehouse]?.[sku];
  if (shelf === undefined) {
    throw new Error(`SKU ${sku} is not stocked in warehouse ${warehouse}`);
  }
  return shelf;
}
