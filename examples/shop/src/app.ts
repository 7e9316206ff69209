// The shop's entry: serves a few simulated customer visits, reports the ones that fail to Sentry the way a web
// framework's Sentry error handler would (one scope per request, with the customer as the user), flushes and exits.
import './instrument';
import * as Sentry from '@sentry/node';
import { cartTotalCents } from './cart';
import { placeOrder, type Customer } from './orders';
import { formatPrice } from './pricing';

interface Visit {
  customer: Customer;
  action: string;
  run: () => string;
}

const ada: Customer = { id: 'ada', email: 'ada@example.com' };
const grace: Customer = { id: 'grace', email: 'grace@example.com' };
const linus: Customer = { id: 'linus', email: 'linus@example.com' };

const visits: Visit[] = [
  { customer: ada, action: 'view cart', run: () => formatPrice(cartTotalCents([{ sku: 'tea-001', quantity: 2 }]), 'EUR') },
  // tea-099 left the catalog while it sat in these carts: a TypeError in cart.ts, three times for two customers.
  { customer: ada, action: 'view cart', run: () => formatPrice(cartTotalCents([{ sku: 'tea-099', quantity: 1 }]), 'EUR') },
  { customer: grace, action: 'view cart', run: () => formatPrice(cartTotalCents([{ sku: 'tea-099', quantity: 3 }]), 'EUR') },
  { customer: ada, action: 'view cart', run: () => formatPrice(cartTotalCents([{ sku: 'tea-099', quantity: 1 }]), 'EUR') },
  // An old profile's currency code: a RangeError in pricing.ts.
  { customer: linus, action: 'view cart', run: () => formatPrice(cartTotalCents([{ sku: 'tea-017', quantity: 1 }]), 'EURO') },
  // A declined card: handled in orders.ts and reported as a warning with the customer.
  { customer: grace, action: 'checkout', run: () => placeOrder(grace, 'leipzig', [{ sku: 'tea-001', quantity: 1 }], '4000000000000002') },
  // Berlin does not stock teapots: an Error three calls deep (orders.ts -> inventory.ts -> warehouse.ts).
  { customer: linus, action: 'checkout', run: () => placeOrder(linus, 'berlin', [{ sku: 'pot-003', quantity: 1 }], '4242424242424242') },
  { customer: ada, action: 'checkout', run: () => placeOrder(ada, 'leipzig', [{ sku: 'tea-017', quantity: 2 }], '4242424242424242') },
];

function serve(visit: Visit): void {
  Sentry.withScope((scope) => {
    scope.setUser({ id: visit.customer.id, email: visit.customer.email });
    scope.setTag('shop.action', visit.action);
    const who = `${visit.customer.id.padEnd(6)}${visit.action.padEnd(10)}`;
    try {
      console.log(`${who} ok: ${visit.run()}`);
    } catch (error) {
      Sentry.captureException(error);
      console.log(`${who} failed: ${String(error)} (sent to Sentry)`);
    }
  });
}

async function main(): Promise<void> {
  for (const visit of visits) serve(visit);
  // Events are sent in the background: wait for them before the process ends.
  const delivered = await Sentry.flush(10_000);
  console.log(delivered ? 'Events flushed to Sentry.' : 'Some events were still being sent after 10 s.');
}

void main();
