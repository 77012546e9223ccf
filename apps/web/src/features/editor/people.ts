/** Small helpers for showing people: initials, colours and readable text on them. */

/** The caret colour the server gives a user, for one's own avatar (the server never echoes one's own state). */
export { colorFor } from '@spiraal/domain';

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A colour from presence data as `#rrggbb` when it is a plain hex colour; grey otherwise (never injected as-is). */
export function safeColor(color: unknown): string {
  if (typeof color !== 'string' || !HEX.test(color)) return '#5f6b7a';
  const hex = color.toLowerCase();
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
}

function luminance(hex: string): number {
  const full = safeColor(hex);
  const channel = (i: number) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever reads better on the colour (WCAG contrast). */
export function textColorOn(color: string): string {
  const l = luminance(safeColor(color));
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#111111' : '#ffffff';
}

/** "Fenna Facilitator" → "FF"; "mo" → "M". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = Array.from(parts[0])[0] ?? '';
  const last = parts.length > 1 ? (Array.from(parts[parts.length - 1])[0] ?? '') : '';
  return (first + last).toUpperCase();
}
