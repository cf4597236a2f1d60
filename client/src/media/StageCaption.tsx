import { currentSpeech, type MediaFloor } from '@diem-cau/shared';
import { pointName } from '../domain/selectors';
import { useConferenceState } from '../state/hooks';
import { SpeechTimer } from '../ui/SpeechTimer';
import { useMediaStrings } from './mediaStrings';

/** The lower third over the stage video: who speaks, from where, and the time left. */
export function StageCaption({ floor }: { floor: MediaFloor }) {
  const m = useMediaStrings();
  const state = useConferenceState();
  const speech = currentSpeech(state);
  if (speech && speech.status.kind !== 'ended' && floor.floorPointId === speech.pointId) {
    return (
      <div className="mv-caption" data-testid="stage-caption">
        <div className="mv-caption__who">
          <span className="mv-caption__name" data-testid="stage-speaker">{speech.delegate.name}</span>
          <span className="mv-caption__point">{pointName(state, speech.pointId)}</span>
        </div>
        <SpeechTimer speech={speech} size="medium" />
      </div>
    );
  }
  if (!floor.chairPointId) return null;
  return (
    <div className="mv-caption mv-caption--quiet" data-testid="stage-caption">
      <div className="mv-caption__who">
        <span className="mv-caption__name">{pointName(state, floor.chairPointId)}</span>
        <span className="mv-caption__point">{m.chairStage}</span>
      </div>
    </div>
  );
}
