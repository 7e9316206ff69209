// The trimmed inner texts of every element a locator matches, in document order.
import type { Locator } from './playwright';

export async function locatorTexts(locator: Locator): Promise<string[]> {
  const found: string[] = [];
  for (let index = 0; index < (await locator.count()); index++)
    found.push((await locator.nth(index).innerText()).trim());
  return found;
}
