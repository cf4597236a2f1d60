import { UPCASTERS, upcast, type StoredEvent, type Upcasters } from '@diem-cau/shared';
import type { EventStore } from './eventStore';

/** Every event read from `store` in this release's shape (U4); with no upcaster registered, the store itself. */
export function upcastingStore(store: EventStore, upcasters: Upcasters = UPCASTERS): EventStore {
  if (Object.keys(upcasters).length === 0) return store;
  const up = (events: StoredEvent[]) => events.map((e) => upcast(e, upcasters));
  return new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'readSince') return async (...args: Parameters<EventStore['readSince']>) => up(await target.readSince(...args));
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
