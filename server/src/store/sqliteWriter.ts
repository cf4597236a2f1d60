import { Worker } from 'node:worker_threads';
import { workerScript } from '../workers/workerScript';
import type { CommandSpan } from './commandIndex';
import type { AppendJob, AppendOutcome } from './sqliteLog';
import type { WriterReply } from './sqliteWriterWorker';

type Waiter = { resolve: (o: AppendOutcome | CommandSpan | undefined) => void; reject: (e: Error) => void };

/**
 * The hub's side of the SQLite writer thread: hands it appends and resolves each when the commit holding it
 * is on disk; asks it which events a command appended (it keeps each log's commands, S9). A writer that dies
 * fails what it held (those appends were never acknowledged) and is started again for the next append.
 */
export class SqliteWriter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiter>();
  private closed: Promise<void> | undefined;
  /** Appends of this turn of the event loop, handed to the thread in one message when it ends. */
  private outbox: AppendJob[] = [];

  constructor(private readonly file: string) {}

  append(job: Omit<AppendJob, 'id'>): Promise<AppendOutcome> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as Waiter['resolve'], reject });
      if (this.outbox.length === 0) setImmediate(() => this.handOver());
      this.outbox.push({ ...job, id });
    });
  }

  /** The events `commandId` appended to the log, once the appends handed over before this question are committed. */
  findCommand(conferenceId: string, commandId: string): Promise<CommandSpan | undefined> {
    if (this.closed) return Promise.reject(new Error('the event store is closed'));
    // Appends of this turn go first: the answer must count them.
    if (this.outbox.length > 0) this.handOver();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as Waiter['resolve'], reject });
      this.thread().postMessage({ type: 'find', job: { id, conferenceId, commandId } });
    });
  }

  /** One message per turn, whatever the number of commands it ran: a structured clone and a wake-up each. */
  private handOver(): void {
    const jobs = this.outbox;
    if (jobs.length === 0) return;
    this.outbox = [];
    this.thread().postMessage({ type: 'append', jobs });
  }

  close(): Promise<void> {
    // Appends of this turn go first: the thread commits them before it closes.
    if (!this.closed && this.outbox.length > 0) this.handOver();
    this.closed ??= new Promise<void>((resolve) => {
      const worker = this.worker;
      if (!worker) return resolve();
      worker.once('exit', () => resolve());
      worker.postMessage({ type: 'close' });
    });
    return this.closed;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const script = workerScript('sqliteWriterWorker', __dirname);
    const worker = new Worker(script.file, { execArgv: script.execArgv, workerData: { file: this.file } });
    worker.on('message', (reply: WriterReply) => this.onReply(worker, reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the SQLite writer stopped (${code})`)));
    this.worker = worker;
    return worker;
  }

  private onReply(worker: Worker, reply: WriterReply): void {
    if (reply.type === 'closed') return void worker.terminate();
    if (reply.type === 'failed') {
      for (const id of reply.ids) this.settle(id)?.reject(new Error(`append not stored: ${reply.message}`));
      return;
    }
    if (reply.type === 'found') {
      for (const a of reply.answers) this.settle(a.id)?.resolve(a.span);
      return;
    }
    for (const o of reply.outcomes) this.settle(o.id)?.resolve(o);
  }

  private settle(id: number): Waiter | undefined {
    const w = this.waiting.get(id);
    this.waiting.delete(id);
    return w;
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id);
      w.reject(error);
    }
  }
}
