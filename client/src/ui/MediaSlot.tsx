import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import { MediaView } from '../media/MediaView';

/**
 * Where the video goes: the chair's grid of points, a point's stage with its own state, the display's
 * stage (client/src/media). Consoles say what the slot is for (`role`) and how large it may be (`size`);
 * `children`, if any, are shown under the media.
 */
export function MediaSlot({ role, size = 'medium', children }: { role: 'chair' | 'point' | 'display'; size?: 'small' | 'medium' | 'large'; children?: ReactNode }) {
  const t = useT();
  return (
    <section className={`media-slot media-slot--${size}`} aria-label={t.media.slot} data-media-slot={role}>
      <MediaView role={role} />
      {children}
    </section>
  );
}
