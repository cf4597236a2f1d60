import { formatZonedClock, fromZonedInput, offsetMinutes, toZonedInput } from './zonedTime';

describe('times in the conference’s zone (K11)', () => {
  const eightInHanoi = Date.parse('2023-10-27T08:00:00+07:00');

  it('shows a Hà Nội conference’s 08:00 as 08:00 whatever the viewer’s zone', () => {
    expect(formatZonedClock(eightInHanoi, 'vi', 'Asia/Ho_Chi_Minh')).toBe('08:00');
    expect(formatZonedClock(eightInHanoi, 'en', 'Europe/Paris')).toBe('03:00');
    expect(toZonedInput('2023-10-27T08:00:00+07:00', 'Asia/Ho_Chi_Minh')).toBe('2023-10-27T08:00');
  });

  it('turns a typed wall time into the instant meant, daylight saving included', () => {
    expect(fromZonedInput('2023-10-27T08:00', 'Asia/Ho_Chi_Minh')).toBe('2023-10-27T08:00:00+07:00');
    expect(fromZonedInput('2024-07-01T09:30', 'Europe/Paris')).toBe('2024-07-01T09:30:00+02:00');
    expect(fromZonedInput('2024-01-15T09:30', 'Europe/Paris')).toBe('2024-01-15T09:30:00+01:00');
    expect(offsetMinutes(eightInHanoi, 'Asia/Ho_Chi_Minh')).toBe(420);
    expect(fromZonedInput('not a time', 'UTC')).toBeUndefined();
  });
});
