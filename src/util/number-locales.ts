// How figures are written in each locale briefbook knows: digit grouping, the decimal mark,
// and how money is marked. A table of our own rather than Intl, so a packet reads the same on
// every machine whatever its locale settings or ICU data. The packets' words are English;
// these are English-language conventions (the US, Britain, Canada, Australia).

export const LOCALE_IDS = ['en-US', 'en-GB', 'en-CA', 'en-AU'] as const;
export type LocaleId = (typeof LOCALE_IDS)[number];

export interface NumberLocale {
  id: LocaleId;
  group: string;
  decimal: string;
  /** Currency code → the symbol written before the amount ("$5.4 billion"); the locale's own currency is "$". */
  symbols: Readonly<Record<string, string>>;
  /** Currency code → its name after a count of it ("millions of dollars"). */
  names: Readonly<Record<string, string>>;
}

/** Symbols as a reader anywhere needs them (CLDR's international forms). */
const SYMBOLS: Record<string, string> = {
  USD: 'US$',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
  HKD: 'HK$',
  MXN: 'MX$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  CNY: 'CN¥',
  INR: '₹',
  KRW: '₩',
  ILS: '₪',
  TWD: 'NT$',
  CHF: 'CHF ',
};

const NAMES: Record<string, string> = {
  USD: 'US dollars',
  CAD: 'Canadian dollars',
  AUD: 'Australian dollars',
  NZD: 'New Zealand dollars',
  HKD: 'Hong Kong dollars',
  MXN: 'Mexican pesos',
  EUR: 'euros',
  GBP: 'pounds',
  JPY: 'yen',
  CNY: 'yuan',
  INR: 'rupees',
  KRW: 'won',
  ILS: 'shekels',
  TWD: 'New Taiwan dollars',
  CHF: 'Swiss francs',
};

/** The currency codes briefbook writes as money; any other unit is written after the number. */
export const CURRENCIES = Object.keys(SYMBOLS);

const english = (id: LocaleId, own?: string): NumberLocale => ({
  id,
  group: ',',
  decimal: '.',
  symbols: own ? { ...SYMBOLS, [own]: '$' } : SYMBOLS,
  names: own ? { ...NAMES, [own]: 'dollars' } : NAMES,
});

export const NUMBER_LOCALES: Readonly<Record<LocaleId, NumberLocale>> = {
  'en-US': english('en-US', 'USD'),
  'en-GB': english('en-GB'),
  'en-CA': english('en-CA', 'CAD'),
  'en-AU': english('en-AU', 'AUD'),
};

export const DEFAULT_LOCALE: LocaleId = 'en-US';
