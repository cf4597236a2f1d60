import { COMMENT_KINDS, type CommentKind } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';

/** The kind of a comment as a row of radio chips: one click, or arrow keys within the group. */
export function KindChips({ value, onChange, name }: { value: CommentKind; onChange: (kind: CommentKind) => void; name: string }) {
  const t = useT();
  return (
    <fieldset className="chips">
      <legend className="chips__legend">{t.entry.kind}</legend>
      {COMMENT_KINDS.map((k) => (
        <label key={k} className={`chips__chip kind--${k}`}>
          <input type="radio" name={name} value={k} checked={value === k} onChange={() => onChange(k)} />
          <span>{t.kinds[k]}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function KindBadge({ kind }: { kind: CommentKind }) {
  const t = useT();
  return <span className={`badge badge--kind kind--${kind}`}>{t.kinds[kind]}</span>;
}
