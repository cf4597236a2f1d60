// The SQLite log's one writer, in a worker thread: the hub's event loop never waits on an fsync. Appends that
// arrive while a commit is on its way to the disk are committed together by the next one (group commit): one
// transaction and one fsync (synchronous=FULL, WAL) for all of them, then one message with every outcome.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { backfillChunks } from './sqliteChunks';
import { addChainColumn, appendStatements, chainOldLogs, type AppendJob, type AppendOutcome } from './sqliteLog';

type Inbound = { type: 'append'; jobs: AppendJob[] } | { type: 'close' };
export type WriterReply = { type: 'outcomes'; outcomes: AppendOutcome[] } | { type: 'failed'; ids: number[]; message: string } | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('sqliteWriterWorker runs as a worker thread');
const db = new Database((workerData as { file: string }).file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
// A log written before chunks existed gets them now, once, here rather than on the hub's thread.
// And a log written before the hash chain gets its links (HC3), also once.
db.transaction(() => {
  backfillChunks(db);
  addChainColumn(db);
  chainOldLogs(db);
}).immediate();
const appendOne = appendStatements(db);
const commit = db.transaction((jobs: AppendJob[]) => jobs.map(appendOne));

let pending: AppendJob[] = [];
let scheduled = false;
let closing = false;

function flush(): void {
  scheduled = false;
  const jobs = pending;
  pending = [];
  if (jobs.length > 0) {
    try {
      port?.postMessage({ type: 'outcomes', outcomes: commit.immediate(jobs) } satisfies WriterReply);
    } catch (error) {
      // Nothing of the batch is stored (the transaction rolled back): every append in it is refused.
      port?.postMessage({ type: 'failed', ids: jobs.map((j) => j.id), message: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
    }
  }
  if (closing) {
    db.close();
    port?.postMessage({ type: 'closed' } satisfies WriterReply);
  }
}

port.on('message', (msg: Inbound) => {
  if (msg.type === 'append') pending.push(...msg.jobs);
  else closing = true;
  // setImmediate: every message already queued on the port is read before the commit, so they share it.
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
