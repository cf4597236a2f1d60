// The SQLite log's one writer, in a worker thread: the hub's event loop never waits on an fsync. Appends that
// arrive while a commit is on its way to the disk are committed together by the next one (group commit): one
// transaction and one fsync (synchronous=FULL, WAL) for all of them, then one message with every outcome.
// It also answers which events a command appended (S2, S9): it keeps each log's commands in memory.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CommandIndex, type CommandSpan } from './commandIndex';
import { backfillChunks } from './sqliteChunks';
import { addChainColumn, appendStatements, chainOldLogs, dropCommandsTable, type AppendJob, type AppendOutcome } from './sqliteLog';

/** A question about a command, answered after the appends sent before it are committed. */
export interface FindJob { id: number; conferenceId: string; commandId: string }
type Inbound = { type: 'append'; jobs: AppendJob[] } | { type: 'find'; job: FindJob } | { type: 'close' };
export type WriterReply =
  | { type: 'outcomes'; outcomes: AppendOutcome[] }
  | { type: 'failed'; ids: number[]; message: string }
  | { type: 'found'; answers: Array<{ id: number; span: CommandSpan | undefined }> }
  | { type: 'closed' };

const SWEEP_MS = 60_000;

const port = parentPort;
if (!port) throw new Error('sqliteWriterWorker runs as a worker thread');
const db = new Database((workerData as { file: string }).file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
// A log written before chunks existed gets them now, once, here rather than on the hub's thread.
// And a log written before the hash chain gets its links (HC3), also once; the commands table goes (S9).
db.transaction(() => {
  backfillChunks(db);
  addChainColumn(db);
  chainOldLogs(db);
  dropCommandsTable(db);
}).immediate();
const commands = new CommandIndex(db);
const appendOne = appendStatements(db, commands);
const commit = db.transaction((jobs: AppendJob[]) => jobs.map(appendOne));
setInterval(() => commands.sweep(), SWEEP_MS).unref();

let pending: AppendJob[] = [];
let finds: FindJob[] = [];
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
      // Nothing of the batch is stored (the transaction rolled back): every append in it is refused, and the
      // memory of its logs' commands, which took them in, is read again from the log.
      for (const job of jobs) commands.forget(job.conferenceId);
      port?.postMessage({ type: 'failed', ids: jobs.map((j) => j.id), message: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
    }
  }
  if (finds.length > 0) {
    const asked = finds;
    finds = [];
    try {
      port?.postMessage({ type: 'found', answers: asked.map((f) => ({ id: f.id, span: commands.find(f.conferenceId, f.commandId) })) } satisfies WriterReply);
    } catch (error) {
      port?.postMessage({ type: 'failed', ids: asked.map((f) => f.id), message: error instanceof Error ? error.message : String(error) } satisfies WriterReply);
    }
  }
  if (closing) {
    db.close();
    port?.postMessage({ type: 'closed' } satisfies WriterReply);
  }
}

port.on('message', (msg: Inbound) => {
  if (msg.type === 'append') pending.push(...msg.jobs);
  else if (msg.type === 'find') finds.push(msg.job);
  else closing = true;
  // setImmediate: every message already queued on the port is read before the commit, so they share it.
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
