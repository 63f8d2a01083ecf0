// Dates in US house style ("June 10, 2026"). Figures are in numbers.ts.
// No Intl/locale lookups: output must not depend on the machine that builds it.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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
