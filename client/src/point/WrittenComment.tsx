import type { ArticleRef, CommentKind } from '@diem-cau/shared';
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';
import { useConferenceState, useConnection } from '../state/hooks';
import { ArticlePicker } from '../ui/ArticlePicker';
import { KindChips } from '../ui/KindChips';

/** A point's own written comment on articles; queued on the device like a secretary's. */
export function WrittenComment({ pointId }: { pointId: string }) {
  const t = useT();
  const state = useConferenceState();
  const connection = useConnection();
  const [open, setOpen] = useState(false);
  const [articles, setArticles] = useState<ArticleRef[]>([]);
  const [kind, setKind] = useState<CommentKind>('propose');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    connection.sendReliably({ type: 'comment.log', source: 'written', pointId, articles, kind, text });
    setText('');
    setArticles([]);
  };
  return (
    <details className="written" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="btn btn--small">✎ {t.entry.writtenTitle}</summary>
      <form className="form" onSubmit={submit}>
        <div className="field"><span className="field__label">{t.entry.articles}</span><ArticlePicker draft={state.draft} value={articles} onChange={setArticles} /></div>
        <KindChips name="written-kind" value={kind} onChange={setKind} />
        <label className="field">
          <span className="field__label">{t.entry.text}</span>
          <textarea className="input" rows={3} value={text} onChange={(e) => setText(e.target.value)} required />
        </label>
        <button type="submit" className="btn btn--primary">{t.entry.send}</button>
      </form>
    </details>
  );
}
