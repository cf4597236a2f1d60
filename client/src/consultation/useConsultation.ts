import { isOpenAt, latestOpen, tallyOf, type ConferenceState, type Consultation, type ConsultationOption, type ConsultationTally } from '@diem-cau/shared';
import { useMemo } from 'react';
import { formatCountdown } from '../domain/format';
import type { Messages } from '../i18n/i18n';
import { useConferenceState, useServerTime } from '../state/hooks';

/** The consultation the consoles show: the open one, else the last one (its result stays up until the next opens). */
export function shownConsultation(state: ConferenceState): Consultation | undefined {
  const ids = state.consultations.ids;
  const lastId = ids[ids.length - 1];
  return latestOpen(state) ?? (lastId === undefined ? undefined : state.consultations.get(lastId));
}

/** Approval options in the console's language; alternatives by their number ("Phương án 2" / "Alternative 2"). */
export function optionLabel(t: Messages, option: ConsultationOption): string {
  const approval = t.consultation.options[option.id];
  if (approval) return approval;
  const n = /^pa(\d+)$/.exec(option.id)?.[1];
  return n ? t.consultation.alternative(n) : option.label;
}

/** How a consultation that takes no more answers ended: its time ran out (written or not yet), or it was closed. */
export function endLabel(t: Messages, c: Consultation): string {
  const expired = c.status.kind === 'closed' ? c.status.reason === 'expired' : c.closesAt !== undefined;
  return expired ? t.consultation.expired : t.consultation.closed;
}

export interface ShownConsultation {
  consultation: Consultation;
  tally: ConsultationTally;
  /** Still taking answers by the hub's clock (its time limit counted here too). */
  open: boolean;
  /** "04:59" while a time limit runs; undefined without one or once closed. */
  countdown: string | undefined;
}

export function useShownConsultation(): ShownConsultation | undefined {
  const state = useConferenceState();
  const consultation = shownConsultation(state);
  const tally = useMemo(() => (consultation ? tallyOf(state, consultation) : undefined), [state, consultation]);
  const open = useServerTime((now) => (consultation ? isOpenAt(state, consultation, now) : false));
  const countdown = useServerTime((now) => (consultation?.closesAt !== undefined && open ? formatCountdown(Math.max(0, consultation.closesAt - now)) : ''));
  if (!consultation || !tally) return undefined;
  return { consultation, tally, open, countdown: countdown === '' ? undefined : countdown };
}
