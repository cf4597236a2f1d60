import type { ReactNode } from 'react';

/** A titled region of a console; the heading labels it for assistive technology. */
export function Panel({ id, title, actions, children, className = '' }: { id: string; title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`panel ${className}`} aria-labelledby={`${id}-title`} data-panel={id}>
      <header className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {title}
        </h2>
        {actions ? <div className="panel__actions">{actions}</div> : null}
      </header>
      <div className="panel__body">{children}</div>
    </section>
  );
}
