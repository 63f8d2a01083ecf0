// Numbers, dates and hedged figures in US house style ("June 10, 2026", "28.8 million").
// No Intl/locale lookups: output must not depend on the machine that builds it.
import { magnitude } from '../../facts/figures.js';
import type { Value } from '../../facts/schema.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9 && abs % 1e7 === 0) return `${trim(n / 1e9)} billion`;
  if (abs >= 1e6 && abs % 1e4 === 0) return `${trim(n / 1e6)} million`;
  const [int, frac] = String(abs).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

const trim = (x: number) => String(Math.round(x * 100) / 100);

/** "2026-06-10" → "June 10, 2026"; "2026-06" → "June 2026"; "2026" → "2026". `short` abbreviates months. */
export function formatDate(date: string, short = false): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const name = MONTHS[Number(m) - 1] ?? m;
  const month = short && name.length > 4 ? `${name.slice(0, 3)}.` : name;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}

/** A span of partial dates: "April–June 2026", "June 10–24, 2026", "2025–2026". */
export function formatRange(from: string, to: string | undefined, short = false): string {
  if (!to || to === from) return formatDate(from, short);
  const [fy, fm, fd] = from.split('-');
  const [ty, tm, td] = to.split('-');
  if (fy === ty && fm && tm && !fd && !td) {
    return `${formatDate(`${fy}-${fm}`, short).replace(` ${fy}`, '')}–${formatDate(`${ty}-${tm}`, short)}`;
  }
  if (fy === ty && fm === tm && fd && td) return `${formatDate(from, short).replace(`, ${fy}`, '')}–${Number(td)}, ${ty}`;
  return `${formatDate(from, short)}–${formatDate(to, short)}`;
}

/** Sort key placing a partial date at the middle of the span it allows. */
export function dateKey(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return `${y}-07-01~`;
  if (!d) return `${y}-${m}-15~`;
  return `${y}-${m}-${d}`;
}

const QUALIFIER: Record<string, string> = {
  approximately: 'approximately',
  about: 'about',
  nearly: 'nearly',
  'more-than': 'more than',
  'at-least': 'at least',
  'up-to': 'up to',
};

/** A hedged figure in words: "nearly 25,000 accounts", "thousands of accounts", "16–24 million exchanges". */
export function formatValue(v: Value): string {
  const unit = v.unit;
  if (v.number !== undefined) {
    const q = v.qualifier ? QUALIFIER[v.qualifier] : undefined;
    return `${q ? `${q} ` : ''}${formatNumber(v.number)} ${unit}`;
  }
  if (v.min !== undefined && v.max !== undefined) return `${formatNumber(v.min)}–${formatNumber(v.max)} ${unit}`;
  if (v.qualifier === 'thousands' || v.qualifier === 'millions') {
    const scale = v.qualifier;
    const base = scale === 'thousands' ? 1e3 : 1e6;
    if (v.min !== undefined) {
      const low = magnitude(v.min) ?? formatNumber(v.min);
      return v.min < base ? `${low} to ${scale} of ${unit}` : `${low} of ${unit}`;
    }
    return `${scale} of ${unit}`;
  }
  if (v.min !== undefined) return `at least ${formatNumber(v.min)} ${unit}`;
  if (v.max !== undefined) return `up to ${formatNumber(v.max)} ${unit}`;
  return unit;
}
