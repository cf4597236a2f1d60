/**
 * mediasoup-style score 0..10 from a loss fraction (0..1): 10 is clean, each 2 % of loss costs one point,
 * 20 % or more is 0 — roughly where video becomes unwatchable.
 */
export function scoreFromLoss(fractionLost: number): number {
  return Math.max(0, Math.min(10, Math.round(10 - fractionLost * 50)));
}
