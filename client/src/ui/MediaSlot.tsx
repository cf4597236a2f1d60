import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';

/**
 * Where the video goes. The media engineer replaces the placeholder with the mediasoup-client
 * views; consoles pass what the slot is for (`role`) and how large it may be (`size`).
 */
export function MediaSlot({ role, size = 'medium', children }: { role: 'chair' | 'point' | 'display'; size?: 'small' | 'medium' | 'large'; children?: ReactNode }) {
  const t = useT();
  return (
    <section className={`media-slot media-slot--${size}`} aria-label={t.media.slot} data-media-slot={role}>
      {children ?? (
        <div className="media-slot__placeholder">
          <span aria-hidden="true" className="media-slot__icon">
            ▶
          </span>
          <span>{t.media.placeholder}</span>
        </div>
      )}
    </section>
  );
}
