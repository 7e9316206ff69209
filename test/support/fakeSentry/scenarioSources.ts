// Source files the default scenario's stack frames point into: tests write them into a temp workspace so frames resolve.

/** Workspace-relative path -> file text. Frame line numbers and `context` lines are taken from these texts. */
export const scenarioSources: Readonly<Record<string, string>> = {
  'src/main.ts': [
    "import { addToCart } from './cart';",
    "import { checkout } from './checkout';",
    '',
    'export function start(): void {',
    "  document.querySelector('#add')?.addEventListener('click', () => addToCart('sku-1', 1));",
    "  document.querySelector('#buy')?.addEventListener('click', () => void checkout());",
    '}',
  ].join('\n'),
  'src/cart.ts': [
    "import { formatPrice } from './lib/format';",
    '',
    'interface Item {',
    '  sku: string;',
    '  price: number;',
    '}',
    '',
    'const catalog = new Map<string, Item>();',
    'const lines: Array<{ item: Item; quantity: number }> = [];',
    '',
    'export function addToCart(sku: string, quantity: number): void {',
    '  if (quantity < 1 || quantity > 99) {',
    "    throw new RangeError('Invalid quantity');",
    '  }',
    '  const item = catalog.get(sku);',
    '  lines.push({ item: item as Item, quantity });',
    '  renderTotal();',
    '}',
    '',
    'export function cartTotal(): number {',
    '  return lines.reduce((sum, line) => sum + line.item.price * line.quantity, 0);',
    '}',
    '',
    'function renderTotal(): void {',
    "  const label = document.querySelector('#total');",
    '  if (label) label.textContent = formatPrice(cartTotal());',
    '}',
  ].join('\n'),
  'src/checkout.ts': [
    "import { cartTotal } from './cart';",
    "import { post } from './api/client';",
    '',
    'export async function checkout(): Promise<void> {',
    '  const total = cartTotal();',
    "  const answer = await post('/orders', { total });",
    '  if (answer.status === 402) {',
    "    throw new Error('Payment declined');",
    '  }',
    '}',
  ].join('\n'),
  'src/lib/format.ts': [
    "const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });",
    '',
    'export function formatPrice(cents: number): string {',
    '  return currency.format(cents.toFixed(2) as unknown as number / 100);',
    '}',
  ].join('\n'),
  'src/api/client.ts': [
    'export interface Answer {',
    '  status: number;',
    '}',
    '',
    'export async function post(path: string, body: unknown): Promise<Answer> {',
    "  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body) });",
    '  if (!response.ok && response.status >= 500) {',
    "    throw new Error('Network request failed');",
    '  }',
    '  return { status: response.status };',
    '}',
  ].join('\n'),
  'server/orders.ts': [
    "import { db } from './db';",
    '',
    'export async function getOrder(id: string) {',
    '  const order = await db.orders.findOne({ id });',
    '  if (!order) {',
    '    throw new Error(`Order not found`);',
    '  }',
    '  return order;',
    '}',
    '',
    'export async function orderTotal(id: string): Promise<number> {',
    '  const order = await getOrder(id);',
    '  return order.lines.reduce((sum, line) => sum + line.product.price, 0);',
    '}',
  ].join('\n'),
};

/** The 1-based number of the first line of a scenario source that contains `text`. */
export function lineOf(path: string, text: string): number {
  const source = scenarioSources[path];
  if (source === undefined) throw new Error(`fake Sentry: no scenario source ${path}`);
  const index = source.split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`fake Sentry: "${text}" is not in ${path}`);
  return index + 1;
}
