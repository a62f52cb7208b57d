import { describe, expect, it } from 'vitest';
import { ageOn, dayLabel, monthBounds, monthLabel } from './format';

describe('journal dates in the UI', () => {
  it('gives each month its real last day, leap years included', () => {
    expect(monthBounds('1660-01')).toEqual({ from: '1660-01-01', to: '1660-01-31' });
    expect(monthBounds('1660-02')).toEqual({ from: '1660-02-01', to: '1660-02-29' });
    expect(monthBounds('1900-02').to).toBe('1900-02-28');
    expect(monthBounds('2000-02').to).toBe('2000-02-29');
    expect(monthBounds('1912-04').to).toBe('1912-04-30');
  });

  it('names old months and days in the UI language, without a (Gregorian) weekday', () => {
    expect(monthLabel('1660-01', 'en')).toBe('January 1660');
    expect(monthLabel('1912-05', 'zh-CN')).toBe('1912年5月');
    expect(dayLabel('1660-01-01', 'en')).toBe('January 1, 1660');
    expect(dayLabel('0999-03-02', 'en')).toBe('March 2, 999');
  });

  it('shows an age only when the birth year makes one', () => {
    expect(ageOn('1660-01-01', 1633)).toBe(27);
    expect(ageOn('1660-01-01', null)).toBeNull();
    expect(ageOn('1600-01-01', 1633)).toBeNull();
  });
});
