// Cart totals. A cart line whose product left the catalog has no price: the TypeError the demo marks.
import { findProduct } from './catalog';

export interface CartLine {
  sku: string;
  quantity: number;
}

export function cartTotalCents(lines: CartLine[]): number {
  let total = 0;
  for (const line of lines) {
    const product = findProduct(line.sku);
    // The bug: `product` is undefined for a discontinued SKU, and TypeScript was told otherwise.
    total += product!.priceCents * line.quantity;
  }
  return total;
}
