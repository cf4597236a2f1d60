import { currentSpeech } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';
import { useConferenceState } from '../state/hooks';
import { ArticleRefs } from '../ui/ArticleRefs';
import { ErrorNote } from '../ui/ErrorNote';
import { SpeechTimer } from '../ui/SpeechTimer';
import { useCommand } from '../ui/useCommand';

/** When this point holds the floor: impossible to miss, with the countdown and a way to finish. */
export function FloorBanner({ pointId }: { pointId: string }) {
  const t = useT();
  const state = useConferenceState();
  const { run, error } = useCommand();
  const speech = currentSpeech(state);
  const mine = speech?.pointId === pointId ? speech : undefined;
  return (
    <div aria-live="assertive">
      {mine ? (
        <section className="floor-banner" data-testid="floor-banner" aria-label={t.floor.youHaveIt}>
          <div className="floor-banner__text">
            <p className="floor-banner__title"><span aria-hidden="true">◉ </span>{t.floor.youHaveIt}</p>
            <p className="floor-banner__who">{mine.delegate.name}{mine.delegate.position ? ` — ${mine.delegate.position}` : ''}</p>
            <p>{t.floor.youHaveItLong}</p>
            <ArticleRefs refs={mine.articles} titled />
          </div>
          <SpeechTimer speech={mine} size="huge" />
          <button type="button" className="btn btn--light btn--large" onClick={() => void run({ type: 'floor.release', speechId: mine.id })}>
            ■ {t.floor.release}
          </button>
          <ErrorNote message={error} />
        </section>
      ) : null}
    </div>
  );
}
