// What an attacker saw, counted by outcome: "ok", an HTTP status with its reason, a refusal's reason. The
// notes column of bench:abuse is made of these, so a refusal the hub gives is named as the attacker gets it.

/** An ack or error body as the hub sends it: `{ ok, error: { code, message, reason?, details? } }`. */
interface ErrorLike { code?: unknown; message?: unknown; reason?: unknown; details?: { reason?: unknown } }

/** The words that name a refusal: its reason when it has one, else its code and its message's first words. */
export function refusalLabel(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  const reason = e.reason ?? e.details?.reason;
  if (typeof reason === 'string') return reason;
  const message = typeof e.message === 'string' ? ` "${e.message.slice(0, 60)}"` : '';
  return `${String(e.code ?? 'error')}${message}`;
}

export class Tally {
  private readonly counts = new Map<string, number>();

  add(label: string, n = 1): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + n);
  }

  /** An ack of the socket API. */
  ack(answer: unknown): void {
    const a = answer as { ok?: boolean; error?: unknown } | undefined;
    this.add(a?.ok ? 'ok' : refusalLabel(a?.error));
  }

  /** A thrown error (a timeout, a closed connection), by its message's first words. */
  thrown(error: unknown): void {
    const text = error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error);
    this.add(`error: ${text.slice(0, 60)}`);
  }

  get(label: string): number {
    return this.counts.get(label) ?? 0;
  }

  entries(): Array<[string, number]> {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1]);
  }

  static describe(entries: Array<[string, number]>): string {
    return entries.map(([label, n]) => `${label} ×${n.toLocaleString('en-US')}`).join(', ');
  }
}
