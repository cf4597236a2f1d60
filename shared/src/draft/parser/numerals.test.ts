import { isNextItemLetter, numeralValue, ordinalValue, romanValue, toRoman } from './numerals';

describe('numerals', () => {
  it('P5: reads canonical Roman numerals only', () => {
    expect(romanValue('XIII')).toBe(13);
    expect(romanValue('IIX')).toBeUndefined();
    expect(romanValue('iv')).toBeUndefined();
    expect(toRoman(49)).toBe('XLIX');
    expect(numeralValue('12')).toBe(12);
    expect(numeralValue('0')).toBeUndefined();
  });

  it('P7: reads ordinal words of parts', () => {
    expect(ordinalValue(['nhất'])).toEqual({ value: 1, used: 1 });
    expect(ordinalValue(['tư'])).toEqual({ value: 4, used: 1 });
    expect(ordinalValue(['mười', 'lăm'])).toEqual({ value: 15, used: 2 });
    expect(ordinalValue(['mười', 'NHỮNG'])).toEqual({ value: 10, used: 1 });
    expect(ordinalValue(['nhiều'])).toBeUndefined();
  });

  it('P10: points follow the Vietnamese alphabet, or the Latin one', () => {
    expect(isNextItemLetter(undefined, 'a')).toBe(true);
    expect(isNextItemLetter('d', 'đ')).toBe(true);
    expect(isNextItemLetter('đ', 'e')).toBe(true);
    expect(isNextItemLetter('e', 'g')).toBe(true);
    expect(isNextItemLetter('e', 'f')).toBe(true);
    expect(isNextItemLetter('a', 'c')).toBe(false);
  });
});
