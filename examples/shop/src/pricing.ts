// Shows prices in the customer's currency; a currency code from an old profile is not one Intl knows: a RangeError.
export function formatPrice(cents: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return format.format(cents / 100);
}
