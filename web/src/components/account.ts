/** The end of the chosen day where the reader is: a token chosen to work "until the 31st" works through the 31st. */
export function endOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 23, 59, 59).toISOString();
}

/** A calendar feed URL as https and as webcal (calendar apps subscribe to the latter with one click). */
export function feedUrls(url: string): { https: string; webcal: string } {
  return { https: url, webcal: url.replace(/^https?:\/\//, 'webcal://') };
}
