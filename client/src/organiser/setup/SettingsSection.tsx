import type { DiscussionMode } from '@diem-cau/shared';
import { useOrganiserT } from '../i18n/useOrganiserT';
import type { SettingsForm } from './setupForm';

const MODES: DiscussionMode[] = ['request', 'open', 'chair-only'];

export function SettingsSection({ value, onChange }: { value: SettingsForm; onChange: (patch: Partial<SettingsForm>) => void }) {
  const t = useOrganiserT();
  const s = t.settings;
  return (
    <div className="settings">
      <div className="settings__grid">
        <label className="field">
          <span className="field__label">{s.speech}</span>
          <input className="input" id="settings-speech" type="number" min={0.5} max={60} step={0.5} value={value.speechMinutes} onChange={(e) => onChange({ speechMinutes: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{s.warning}</span>
          <input className="input" type="number" min={0} max={600} step={5} value={value.warningBeforeS} onChange={(e) => onChange({ warningBeforeS: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{s.maxOpen}</span>
          <input className="input" type="number" min={1} max={20} value={value.maxOpenRequestsPerPoint} onChange={(e) => onChange({ maxOpenRequestsPerPoint: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{s.mode}</span>
          <select className="input" value={value.discussionMode} onChange={(e) => onChange({ discussionMode: e.target.value as DiscussionMode })}>
            {MODES.map((m) => <option key={m} value={m}>{s.modes[m]}</option>)}
          </select>
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={value.autoEndSpeech} onChange={(e) => onChange({ autoEndSpeech: e.target.checked })} />
        {s.autoEnd}
      </label>
      <label className="check">
        <input type="checkbox" checked={value.moderatedRequests} onChange={(e) => onChange({ moderatedRequests: e.target.checked })} />
        {s.moderated}
      </label>
    </div>
  );
}
