/**
 * A minimal typed event emitter: the SFU objects expose a few events each and Node's EventEmitter would
 * make every payload `any`. Listeners run synchronously in registration order; one throwing listener
 * does not stop the others (a gateway bug must not break the media plane).
 */
export type EventMap = Record<string, unknown[]>;

type AnyListener = (...args: unknown[]) => void;

export class TypedEmitter<E extends EventMap> {
  private readonly listeners = new Map<keyof E, Set<AnyListener>>();

  on<K extends keyof E>(event: K, listener: (...args: E[K]) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const stored = listener as unknown as AnyListener;
    set.add(stored);
    return () => set.delete(stored);
  }

  once<K extends keyof E>(event: K, listener: (...args: E[K]) => void): () => void {
    const off = this.on(event, (...args: E[K]) => {
      off();
      listener(...args);
    });
    return off;
  }

  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(...args);
      } catch (error) {
        process.emitWarning(`listener of ${String(event)} threw: ${String(error)}`);
      }
    }
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}
