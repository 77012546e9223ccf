import { colorFor, PRESENCE_COLORS } from './presence';

function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

describe('presence colours', () => {
  it.each(PRESENCE_COLORS)('%s carries white text readably (WCAG AA)', (color) => {
    expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
  });

  it('is a CSS hex colour for any id', () => {
    for (const id of ['', 'ümlaut-ß-😀', '2f1b6c2e-8a4d-4c1e-9f4b-0a1b2c3d4e5f'])
      expect(colorFor(id)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives a user always the same colour, and different users different ones', () => {
    expect(colorFor('2f1b6c2e-8a4d-4c1e-9f4b-0a1b2c3d4e5f')).toBe(colorFor('2f1b6c2e-8a4d-4c1e-9f4b-0a1b2c3d4e5f'));
    const colors = new Set(Array.from({ length: 50 }, (_, i) => colorFor(`user-${i}`)));
    expect(colors.size).toBeGreaterThan(5);
  });
});
