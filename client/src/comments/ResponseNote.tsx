import type { Comment } from '@diem-cau/shared';
import { useT } from '../i18n/i18n';

/** The drafting team's answer to a comment (tiếp thu / tiếp thu một phần / giải trình), wherever comments are listed. */
export function ResponseNote({ response }: { response: NonNullable<Comment['response']> }) {
  const t = useT();
  return (
    <div className={`response-note response-note--${response.status}`} data-testid="comment-response">
      <p className="response-note__head">
        <span className="response-note__by">{t.responses.by}:</span>{' '}
        <span className={`badge response-note__status response-note__status--${response.status}`}>{t.responses.statuses[response.status]}</span>
      </p>
      {response.explanation ? <p className="response-note__text">{response.explanation}</p> : null}
    </div>
  );
}
