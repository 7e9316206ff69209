// A pretend card processor: cards ending in 0002 are declined, as with the test cards of real processors.
export class PaymentDeclinedError extends Error {
  override name = 'PaymentDeclinedError';
  constructor(readonly reason: string) {
    super(`card declined: ${reason}`);
  }
}

export function chargeCard(cardNumber: string, amountCents: number): string {
  if (cardNumber.endsWith('0002')) {
    throw new PaymentDeclinedError('insufficient_funds');
  }
  return `ch_${amountCents}_${cardNumber.slice(-4)}`;
}
