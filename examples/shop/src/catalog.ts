// The products on sale, by SKU; a product that left the catalog is simply missing here.
export interface Product {
  sku: string;
  name: string;
  priceCents: number;
}

const products = new Map<string, Product>([
  ['tea-001', { sku: 'tea-001', name: 'Sencha', priceCents: 850 }],
  ['tea-017', { sku: 'tea-017', name: 'Assam', priceCents: 620 }],
  ['pot-003', { sku: 'pot-003', name: 'Teapot', priceCents: 3400 }],
]);

export function findProduct(sku: string): Product | undefined {
  return products.get(sku);
}
