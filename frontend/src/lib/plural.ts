import { formatCount } from './quantity';

const rules = new Intl.PluralRules('en');

/**
 * "1 item", "2 items", "1,204 items": the count grouped, then the word in the form
 * English plural rules pick for it (zero takes the plural: "0 items").
 */
export function pluralize(count: number, one: string, other: string): string {
  return `${formatCount(count)} ${rules.select(count) === 'one' ? one : other}`;
}
