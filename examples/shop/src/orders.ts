// Checkout: reserves the stock, then charges the card. A declined card is an expected failure: it is reported to
// Sentry as a warning with the customer attached, and the customer is asked for another card.
import * as Sentry from '@sentry/node';
import { cartTotalCents, type CartLine } from './cart';
import { reserveStock } from './inventory';
import { chargeCard, PaymentDeclinedError } from './payment';

export interface Customer {
  id: string;
  email: string;
}

export function placeOrder(customer: Customer, warehouse: string, lines: CartLine[], cardNumber: string): string {
  const picks = reserveStock(warehouse, lines);
  const totalCents = cartTotalCents(lines);
  try {
    return `paid with ${chargeCard(cardNumber, totalCents)}, picking ${picks.join(', ')}`;
  } catch (error) {
    if (!(error instanceof PaymentDeclinedError)) throw error;
    Sentry.captureException(error, {
      level: 'warning',
      user: { id: customer.id, email: customer.email },
      tags: { 'payment.reason': error.reason },
    });
    return 'card declined, asked for another card';
  }
}
