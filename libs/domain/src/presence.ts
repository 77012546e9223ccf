/**
 * Caret and avatar colours: one per user, stable, and dark enough for white
 * text (contrast 6:1 or more, WCAG AA for small text).
 */
export const PRESENCE_COLORS = [
  '#1d4f91',
  '#a4262c',
  '#1e6b3a',
  '#6b3fa0',
  '#7a4a12',
  '#0b6e6e',
  '#9c2f6b',
  '#3d5a80',
  '#8a4b00',
  '#005f73',
] as const;

export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length];
}
