import { useTranslation } from 'react-i18next';

/** Number and money formatting in the UI language. */
export interface Formatters {
  /** A count with the language's grouping: "1,234". */
  count: (value: number) => string;
  /** US dollars as "$0.0123" (four decimals under a dollar, two above). */
  cost: (usd: number) => string;
}

const cache = new Map<string, Formatters>();

/** Formatters for a language tag, made once per language. */
export function formattersFor(language: string): Formatters {
  let known = cache.get(language);
  if (!known) {
    const whole = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const small = new Intl.NumberFormat(language, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
    const large = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    // The dollar sign is written by hand: Intl's USD symbol is "US$" in Chinese, and prices in
    // the model table are in US dollars whatever the language.
    known = {
      count: (value) => whole.format(value),
      cost: (usd) => `$${(Math.abs(usd) < 1 ? small : large).format(usd)}`,
    };
    cache.set(language, known);
  }
  return known;
}

/** The formatters of the current UI language. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}
