export interface Summary { p50: number; p95: number; p99: number; max: number; count: number }

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? NaN, count: s.length };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
