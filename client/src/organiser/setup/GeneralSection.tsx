import { useOrganiserT } from '../i18n/useOrganiserT';
import type { SetupForm } from './setupForm';

type General = Pick<SetupForm, 'title' | 'scheduledAt' | 'venue' | 'timeZone'>;

/** Zones offered first; any IANA name may be typed. */
const COMMON_ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/Paris', 'UTC'];

export function GeneralSection({ value, onChange }: { value: General; onChange: (patch: Partial<General>) => void }) {
  const t = useOrganiserT();
  return (
    <div className="general">
      <label className="field">
        <span className="field__label">{t.setup.conferenceTitle} <span className="req">({t.common.required})</span></span>
        <textarea className="input" id="setup-title" rows={2} required placeholder={t.setup.conferenceTitleHint} value={value.title} onChange={(e) => onChange({ title: e.target.value.replace(/\n/g, ' ') })} />
      </label>
      <div className="form__row">
        <label className="field">
          <span className="field__label">{t.setup.when}</span>
          <input className="input" id="setup-when" type="datetime-local" value={value.scheduledAt} onChange={(e) => onChange({ scheduledAt: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{t.setup.venue}</span>
          <input className="input" id="setup-venue" value={value.venue} onChange={(e) => onChange({ venue: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{t.setup.timeZone}</span>
          <input className="input" id="setup-time-zone" list="setup-time-zones" value={value.timeZone} onChange={(e) => onChange({ timeZone: e.target.value })} spellCheck={false} />
          <datalist id="setup-time-zones">{COMMON_ZONES.map((z) => <option key={z} value={z} />)}</datalist>
          <span className="muted small">{t.setup.timeZoneHint}</span>
        </label>
      </div>
    </div>
  );
}
