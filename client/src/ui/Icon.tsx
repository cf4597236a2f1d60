import { ICON_PATHS, type IconName } from './icons';

/** A decorative icon before a button's words (SVG, so it shows without an emoji font). */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" className="icon" aria-hidden="true">
      <path d={ICON_PATHS[name]} fill="currentColor" />
    </svg>
  );
}
