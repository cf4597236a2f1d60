import { ConsoleShell } from '../app/ConsoleShell';
import { useSession } from '../app/sessionContext';
import { ReportDownloads } from '../reports/ReportDownloads';
import { useConferenceState } from '../state/hooks';
import { Responses } from './conference/Responses';
import { ConferenceOverview } from './console/ConferenceOverview';
import './conference/responses.css';
import './revision/revision.css';
import './console/organiserConsole.css';

/**
 * An organiser who joined with the organisers' code, in the consoles' app: the conference's
 * state with start / end / archive, the drafting team's responses article by article, the
 * reports. Setup, codes and sheets stay in the workspace at /to-chuc (admin token), which this
 * chunk does not load: only the responses list is shared with it.
 */
export function OrganiserConsole() {
  const { session } = useSession();
  const state = useConferenceState();
  return (
    <ConsoleShell>
      <div className="organiser-console">
        <div className="organiser-console__top">
          <ConferenceOverview />
          <ReportDownloads conferenceId={session.conferenceId} token={session.token} hasRevision={state.revision !== undefined} />
        </div>
        <Responses state={state} />
      </div>
    </ConsoleShell>
  );
}
