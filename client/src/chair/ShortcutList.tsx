import { useT } from '../i18n/i18n';

/** The shortcuts, always on screen so nobody has to remember them. */
export function ShortcutList() {
  const t = useT();
  const items: Array<[string[], string]> = [
    [['G'], t.shortcuts.grantNext],
    [['E'], t.shortcuts.end],
    [['1', '2', '5'], t.shortcuts.extend],
    [['P'], t.shortcuts.pause],
  ];
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title" className="shortcuts__title">{t.shortcuts.title}</h2>
      <dl className="shortcuts__list">
        {items.map(([keys, label]) => (
          <div key={label} className="shortcuts__item">
            <dt>{keys.map((k) => <kbd key={k}>{k}</kbd>)}</dt>
            <dd>{label}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
