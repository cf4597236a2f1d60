import { articlesInOrder, REVIEW_CONFIDENCE, unitId, type Correspondence, type DraftAlignment, type UnitKey } from '@diem-cau/shared';
import { useOrganiserT } from '../i18n/useOrganiserT';
import { relink, type MappingEdit } from './mappingEdit';

interface Option<K> { key: K; label: string }

function groupOf<K extends UnitKey>(groups: ReadonlyArray<Correspondence<K>>, key: K): Correspondence<K> | undefined {
  return groups.find((g) => g.before.some((b) => unitId(b) === unitId(key)));
}

/** One unit of the first draft beside where it went: a select per target (keyboard: Tab, arrows), split adds one. */
function UnitRow<K extends UnitKey>({ unit, label, targets, options, edit, proposal, current, onChange, level }: {
  unit: K; label: string; targets: readonly K[]; options: ReadonlyArray<Option<K>>; edit: MappingEdit; proposal: ReadonlyArray<Correspondence<K>>;
  current: ReadonlyArray<Correspondence<K>> | undefined; onChange: (next: MappingEdit) => void; level: 'article' | 'clause';
}) {
  const t = useOrganiserT();
  const id = unitId(unit);
  const proposed = groupOf(proposal, unit);
  const touched = edit.touched.has(id);
  const review = !touched && proposed !== undefined && proposed.confidence < REVIEW_CONFIDENCE;
  const group = (current ? groupOf(current, unit) : undefined) ?? proposed;
  const kind = group?.kind;
  // DA18: the words changed under the same or a new number (the concordance's "sửa nội dung").
  const reworded = group?.changed === true && (kind === 'same' || kind === 'moved');
  const byId = new Map(options.map((o) => [unitId(o.key), o.key]));
  const set = (i: number, value: string) => {
    const chosen = byId.get(value);
    const next = value === '' ? targets.filter((_, j) => j !== i) : targets.map((k, j) => (j === i && chosen !== undefined ? chosen : k));
    onChange(relink(edit, unit, i >= targets.length && chosen !== undefined ? [...targets, chosen] : next));
  };
  const slots = targets.length === 0 ? [undefined] : targets;
  return (
    <tr className={`mapping__row mapping__row--${level}${review ? ' mapping__row--review' : ''}`} data-testid="mapping-row" data-unit={id}>
      <th scope="row" className="mapping__before">{label}</th>
      <td className="mapping__after">
        <div className="mapping__places">
          <div className="mapping__selects">
            {slots.map((k, i) => (
              <select key={i} className="input input--small" aria-label={t.revision.goesTo(label)} value={k === undefined ? '' : unitId(k)} onChange={(e) => set(i, e.target.value)}>
                <option value="">{t.revision.deleted}</option>
                {options.map((o) => <option key={unitId(o.key)} value={unitId(o.key)}>{o.label}</option>)}
              </select>
            ))}
          </div>
          {targets.length > 0 ? (
            <button type="button" className="btn btn--small btn--ghost" onClick={() => set(targets.length, unitId(options.find((o) => !targets.some((k) => unitId(k) === unitId(o.key)))?.key ?? targets[0]!))}>
              + {t.revision.addTarget}
            </button>
          ) : null}
        </div>
      </td>
      <td className="mapping__kind">
        {kind ? <span className="chip">{t.revision.kinds[kind]}</span> : null}
        {reworded ? <span className="chip chip--small" data-testid="mapping-reworded">{t.revision.reworded}</span> : null}
        {review ? <span className="chip chip--warn" data-testid="mapping-review">{t.revision.review}</span> : null}
        {touched ? <span className="chip chip--open">{t.revision.corrected}</span> : null}
      </td>
    </tr>
  );
}

/** Every article of the first draft and, under it, its clauses, each beside its place(s) in the revision. */
export function MappingRows({ edit, current, onChange }: { edit: MappingEdit; current: DraftAlignment | undefined; onChange: (next: MappingEdit) => void }) {
  const after = articlesInOrder(edit.after);
  const articleOptions = after.map((p) => ({ key: p.article.number, label: `Điều ${p.article.number}. ${p.article.title}` }));
  const clauseOptions = after.flatMap((p) => p.article.clauses.map((c) => ({ key: { article: p.article.number, clause: c.number }, label: `Điều ${p.article.number} khoản ${c.number}` })));
  return (
    <>
      {articlesInOrder(edit.before).map(({ article }) => (
        <ArticleRows key={article.number} number={article.number} title={article.title} clauses={article.clauses.map((c) => c.number)}
          edit={edit} current={current} onChange={onChange} articleOptions={articleOptions} clauseOptions={clauseOptions} />
      ))}
    </>
  );
}

function ArticleRows({ number, title, clauses, edit, current, onChange, articleOptions, clauseOptions }: {
  number: number; title: string; clauses: number[]; edit: MappingEdit; current: DraftAlignment | undefined; onChange: (next: MappingEdit) => void;
  articleOptions: ReadonlyArray<Option<number>>; clauseOptions: ReadonlyArray<Option<{ article: number; clause: number }>>;
}) {
  const targets = edit.articles.get(String(number)) ?? [];
  // A clause is offered the clauses of the articles its article went to (and where it goes now), not the whole draft.
  const near = (place: { article: number; clause: number }) => clauseOptions.filter((o) => targets.includes(o.key.article) || (edit.clauses.get(unitId(place)) ?? []).some((k) => unitId(k) === unitId(o.key)));
  return (
    <>
      <UnitRow unit={number} label={`Điều ${number}. ${title}`} targets={targets} options={articleOptions} edit={edit} proposal={edit.proposal.articles} current={current?.articles} onChange={onChange} level="article" />
      {clauses.map((clause) => {
        const place = { article: number, clause };
        return <UnitRow key={clause} unit={place} label={`Điều ${number} khoản ${clause}`} targets={edit.clauses.get(unitId(place)) ?? []} options={near(place)} edit={edit} proposal={edit.proposal.clauses} current={current?.clauses} onChange={onChange} level="clause" />;
      })}
    </>
  );
}
