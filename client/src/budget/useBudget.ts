import { activeLineOf, budgetLedger, currentSpeech, liveRemainingMs, type BudgetLine, type ItemLedger } from '@diem-cau/shared';
import { useMemo } from 'react';
import { formatDuration } from '../domain/format';
import { useConferenceState, useServerTime } from '../state/hooks';

/** Every budgeted item's accounts, recomputed only when budgets, groups or speeches change (not every tick). */
export function useLedgers(): Map<string, ItemLedger> {
  const state = useConferenceState();
  const { budgets, budgetGroups, speeches, agenda, points } = state;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ledger reads only these collections
  return useMemo(() => budgetLedger(state), [budgets, budgetGroups, speeches, agenda, points]);
}

export function useActiveLedger(): ItemLedger | undefined {
  const state = useConferenceState();
  const ledgers = useLedgers();
  return state.activeAgendaItemId === undefined ? undefined : ledgers.get(state.activeAgendaItemId);
}

/** The line a point draws on in the active item's budget, if any. */
export function useActiveLine(pointId: string | undefined): BudgetLine | undefined {
  const state = useConferenceState();
  const ledgers = useLedgers();
  return pointId === undefined ? undefined : activeLineOf(state, ledgers, pointId);
}

/** "05:00" left, or "−01:30" once overrun: whole seconds, rounded towards the overrun. */
export function formatBudget(ms: number): string {
  return ms >= 0 ? formatDuration(ms) : `−${formatDuration(Math.ceil(-ms / 1000) * 1000)}`;
}

/** A line's remaining time, counting down with the current speech when the speaker draws on it. */
export function useLiveRemaining(line: BudgetLine): number {
  const state = useConferenceState();
  const speech = currentSpeech(state);
  return useServerTime((now) => (speech ? liveRemainingMs(line, speech, now) : line.remainingMs));
}
