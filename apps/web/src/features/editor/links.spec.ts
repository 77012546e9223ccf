import { describe, expect, it } from 'vitest';
import { hrefFromInput, isAllowedHref } from './links';
import { initials, safeColor, textColorOn } from './people';

describe('editor links', () => {
  it('turns what a person typed into an http(s) or mailto link', () => {
    expect(hrefFromInput('https://example.nl/a')).toBe('https://example.nl/a');
    expect(hrefFromInput('www.example.nl')).toBe('https://www.example.nl');
    expect(hrefFromInput('naam@example.nl')).toBe('mailto:naam@example.nl');
  });

  it('never makes a script link', () => {
    expect(hrefFromInput('javascript:alert(1)')).toBeNull();
    expect(hrefFromInput('data:text/html,x')).toBeNull();
    expect(isAllowedHref('javascript:alert(1)')).toBe(false);
    expect(isAllowedHref('/items/1')).toBe(true);
  });
});

describe('people in the editor', () => {
  it('takes only plain hex colours from presence data', () => {
    expect(safeColor('#ABC')).toBe('#aabbcc');
    expect(safeColor('red; background: url(x)')).toBe('#5f6b7a');
    expect(safeColor(42)).toBe('#5f6b7a');
  });

  it('writes black on light and white on dark colours', () => {
    expect(textColorOn('#ffff00')).toBe('#111111');
    expect(textColorOn('#000080')).toBe('#ffffff');
  });

  it('gives initials of the first and last name', () => {
    expect(initials('Fenna Facilitator')).toBe('FF');
    expect(initials('mo')).toBe('M');
    expect(initials('  ')).toBe('?');
  });
});
