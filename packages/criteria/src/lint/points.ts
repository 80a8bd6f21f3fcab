/**
 * Points as people read them: Vietnamese writes a decimal comma, English a decimal point.
 * @example formatPoints(75.5, 'vi') // '75,5'
 */
export function formatPoints(points: number, lang: 'vi' | 'en'): string {
  if (points === Infinity) return '∞';
  if (points === -Infinity) return '−∞';
  // Six decimals hide binary noise (0.1 + 0.2) and still show a bound such as 7.005 as written.
  const written = String(Number(points.toFixed(6)));
  return lang === 'vi' ? written.replace('.', ',') : written;
}
