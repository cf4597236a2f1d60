import { buildMinutes, buildSynthesis, renderDraftText, replay, reportHeaderOf, type StoredEvent } from '@diem-cau/shared';
import { asciiFileName, reportFileName } from '../reports/reportFileName';
import { REPORT_FORMATS, renderReport, tablesOf, type ReportModel } from '../reports/reportFormats';
import type { LogSeal } from '../reports/logSeal';
import { eventHash, withoutLink, type ChainedEvent } from '../store/eventChain';
import { LOG_PATH } from './archiveManifest';
import type { TarEntry } from './tarFile';

export const bytesOf = (path: string, data: Buffer): TarEntry => ({ path, size: data.length, data });

/** AR1: the log as JSON Lines, one stored event and its prevHash per line, in seq order. */
export function logLines(events: readonly ChainedEvent[]): Buffer {
  return Buffer.from(events.map((e) => `${JSON.stringify({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, commandId: e.commandId, payload: e.payload, prevHash: e.prevHash })}\n`).join(''), 'utf8');
}

/** Every draft the log holds: the one the conference was created with, and each one a later setup replaced it with. */
function draftEntries(events: readonly StoredEvent[]): TarEntry[] {
  return events.flatMap((e) => {
    if (e.type !== 'conference.created' && e.type !== 'conference.configured') return [];
    const draft = e.payload.setup.draft;
    const base = `draft/du-thao-su-kien-${e.seq}`;
    return [bytesOf(`${base}.json`, Buffer.from(`${JSON.stringify(draft, null, 2)}\n`)), bytesOf(`${base}.txt`, Buffer.from(renderDraftText(draft), 'utf8'))];
  });
}

/** Both reports in every format, each CSV view apart, each printing the log's seal (HC4). */
async function reportEntries(models: readonly ReportModel[], conferenceId: string, now: number): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  for (const model of models) {
    const header = reportHeaderOf(model.report.conference, {});
    for (const format of REPORT_FORMATS) {
      const name = asciiFileName(reportFileName(model.kind, format, conferenceId));
      const views = format === 'csv' ? tablesOf(model).map((t) => t.key) : [undefined];
      for (const view of views) {
        const body = await renderReport(model, format, { header, now: new Date(now), ...(view ? { view } : {}) });
        if (body) entries.push(bytesOf(`reports/${view ? name.replace(/\.csv$/, `-${view}.csv`) : name}`, body));
      }
    }
  }
  return entries;
}

/** What an archive holds besides its recordings and manifest: the log, the drafts, the reports (AR1). */
export interface ArchiveFiles { title: string; seal: LogSeal; files: Array<{ path: string; data: Buffer }> }

/** Builds the archive's files from the chained log; undefined for a log without a conference. CPU-heavy (the reports). */
export async function archiveFiles(chained: readonly ChainedEvent[], conferenceId: string, now: number): Promise<ArchiveFiles | undefined> {
  const events = chained.map(withoutLink);
  const state = replay(events);
  const last = chained.at(-1);
  if (!state || !last) return undefined;
  const seal = { events: last.seq, headHash: eventHash(last.prevHash, last) };
  const minutes = buildMinutes(events, { now, responses: {} });
  const models: ReportModel[] = [{ kind: 'synthesis', report: buildSynthesis(state, { responses: {} }), seal }, ...(minutes ? [{ kind: 'minutes' as const, report: minutes, seal }] : [])];
  const entries = [bytesOf(LOG_PATH, logLines(chained)), ...draftEntries(events), ...(await reportEntries(models, conferenceId, now))];
  return { title: state.title, seal, files: entries.map((e) => ({ path: e.path, data: 'data' in e ? e.data : Buffer.alloc(0) })) };
}
