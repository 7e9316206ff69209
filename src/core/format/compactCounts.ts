// Short count phrases for tight places (tree rows, status bar, after-line text): `1.2k events · 87 users`.

const compact = new Intl.NumberFormat('en-US', { notation: 'compact' });

/** `87`, `1.2k`, `12k`, `1.2M`: at most three significant figures, a lower-case k as people write it. */
export function compactCount(value: number): string {
  return compact.format(value).replace('K', 'k');
}

export function compactPlural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${compactCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** `1.2k events · 87 users`; the user part is left out where the server does not count users (GlitchTip). */
export function compactEventsAndUsers(count: number, userCount: number, withUsers = true): string {
  return withUsers
    ? `${compactPlural(count, 'event')} · ${compactPlural(userCount, 'user')}`
    : compactPlural(count, 'event');
}
