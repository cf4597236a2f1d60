import { Worker } from 'node:worker_threads';
import type { ChainedEvent } from '../store/eventChain';
import { workerScript } from '../workers/workerScript';
import type { ArchiveFiles } from './archiveFiles';
import type { ArchiveJob, ArchiveReply } from './archiveWorker';

/**
 * The archive's reports rendered in a worker thread of their own, one per archive (a conference's archive is
 * made once or twice): DOCX and XLSX of a long conference take seconds of CPU the hub's event loop must not
 * spend. The log goes over and the files come back by structured clone (a few MB, copied once).
 */
export function archiveFilesOffThread(chained: readonly ChainedEvent[], conferenceId: string, now: number): Promise<ArchiveFiles | undefined> {
  const script = workerScript('archiveWorker', __dirname);
  const worker = new Worker(script.file, { execArgv: script.execArgv });
  return new Promise<ArchiveFiles | undefined>((resolve, reject) => {
    worker.once('message', (reply: ArchiveReply) => {
      if (reply.ok) resolve(reply.files ? { ...reply.files, files: reply.files.files.map((f) => ({ path: f.path, data: Buffer.from(f.data) })) } : undefined);
      else reject(new Error(`archive not built: ${reply.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the archive worker stopped (${code})`)));
    worker.postMessage({ chained, conferenceId, now } satisfies ArchiveJob);
  }).finally(() => void worker.terminate());
}
