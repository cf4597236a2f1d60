import { reloadForUpgrade } from './upgradeReload';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('reloadForUpgrade (U2)', () => {
  it('reloads once, refuses again within the minute, and reloads after it', () => {
    const storage = memoryStorage();
    const reload = jest.fn();
    expect(reloadForUpgrade(storage, 1_000_000, reload)).toBe(true);
    expect(reloadForUpgrade(storage, 1_030_000, reload)).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(reloadForUpgrade(storage, 1_061_000, reload)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
