// Reserves stock for an order's lines: the middle of the call chain that ends in the warehouse lookup.
import type { CartLine } from './cart';
import { shelfOf } from './warehouse';

export function reserveStock(warehouse: string, lines: CartLine[]): string[] {
  return lines.map((line) => `${shelfOf(warehouse, line.sku)} x${line.quantity}`);
}
