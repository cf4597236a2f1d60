// A worker thread that renders one conference archive's files (archiveThread.ts), then is ended.
import { parentPort } from 'node:worker_threads';
import type { ChainedEvent } from '../store/eventChain';
import { archiveFiles, type ArchiveFiles } from './archiveFiles';

export interface ArchiveJob { chained: readonly ChainedEvent[]; conferenceId: string; now: number }
type ClonedFiles = Omit<ArchiveFiles, 'files'> & { files: Array<{ path: string; data: Uint8Array }> };
export type ArchiveReply = { ok: true; files: ClonedFiles | undefined } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('archiveWorker runs as a worker thread');
port.once('message', (job: ArchiveJob) => {
  archiveFiles(job.chained, job.conferenceId, job.now).then(
    (built) => {
      const files = built ? { ...built, files: built.files.map((f) => ({ path: f.path, data: new Uint8Array(f.data.buffer, f.data.byteOffset, f.data.byteLength) })) } : undefined;
      port.postMessage({ ok: true, files } satisfies ArchiveReply);
    },
    (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies ArchiveReply),
  );
});
