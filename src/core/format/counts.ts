// Number and count phrases shared by the CLI, hovers and after-line text: `1,234 events · 87 users`.

const grouped = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return grouped.format(value);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** `1,234 events · 87 users`; the user part is left out where the server does not count users. */
export function eventsAndUsers(count: number, userCount: number, withUsers = true): string {
  return withUsers ? `${plural(count, 'event')} · ${plural(userCount, 'user')}` : plural(count, 'event');
}
