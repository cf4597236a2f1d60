import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportJobAnswers, ImportJobKind } from './importJobs';
import type { ParseLimits } from './parseLimits';
import { WorkerReplySchema } from './workerProtocol';
import { workerScript, type WorkerScript } from '../workers/workerScript';

/** The import worker's nice value unless configured: below the hub's threads, above idle work. */
export const IMPORT_WORKER_NICE = 10;

export interface ImportPoolOptions {
  /** IMPORT_WORKERS: files parsed at once; more wait in line. Workers start on demand. */
  workers: number;
  /** IMPORT_TIMEOUT_MS: a job running longer ends its worker and answers TIMEOUT. */
  timeoutMs: number;
  /** IMPORT_WORKER_MEMORY_MB: a worker's V8 heap; past it the worker dies and the job answers FILE_TOO_LARGE. */
  memoryMb: number;
  limits: ParseLimits;
  /**
   * IMPORT_WORKER_NICE: the worker thread's nice value (Linux keeps it per thread): a hostile file parsed on the
   * second core yields it to the hub's own thread and its writer rather than sharing it evenly (Q27). Default 10.
   */
  nice?: number;
  /** An idle worker ends after this long (default 30 s); the next job starts a new one. */
  idleMs?: number;
  script?: WorkerScript;
  /** A worker ended by a limit or a crash (not an idle one): for the logs. */
  onWorkerLost?: (reason: PoolFailureReason, error?: unknown) => void;
}

export type PoolFailureReason = 'TIMEOUT' | 'FILE_TOO_LARGE' | 'UNREADABLE_FILE';
export type PoolFailure = { ok: false; reason: PoolFailureReason; message: string };
export type PoolOutcome<T> = { ok: true; value: T } | PoolFailure;

const IDLE_WORKER_MS = 30_000;
/** A fresh worker loads mammoth and exceljs before its first job; that is not the job's time. */
const BOOT_ALLOWANCE_MS = 15_000;
const TIMED_OUT: PoolFailure = { ok: false, reason: 'TIMEOUT', message: 'Đọc tệp quá lâu: tệp quá phức tạp' };
const OUT_OF_MEMORY: PoolFailure = { ok: false, reason: 'FILE_TOO_LARGE', message: 'Tệp cần quá nhiều bộ nhớ để đọc' };
const CRASHED: PoolFailure = { ok: false, reason: 'UNREADABLE_FILE', message: 'Không đọc được tệp' };
const STOPPING: PoolFailure = { ok: false, reason: 'UNREADABLE_FILE', message: 'Máy chủ đang dừng' };

interface Pending { id: number; job: ImportJob; settle: (outcome: PoolOutcome<unknown>) => void }
interface Slot { worker: Worker; pending?: Pending; booted: boolean; ended: boolean; timer?: NodeJS.Timeout; idleTimer?: NodeJS.Timeout }

const failureOf = (error: unknown): PoolFailure =>
  (error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : CRASHED;

/**
 * Uploaded files are parsed here, off the hub's event loop (Q20). The time and memory limits can only be
 * enforced from outside the parser, by ending its thread: a worker past a limit is terminated and the
 * next job gets a new one, so the hub keeps serving whatever a file does to the parser.
 */
export class ImportPool {
  private readonly slots = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly script: WorkerScript;
  private nextId = 1;
  private closed = false;

  constructor(private readonly opts: ImportPoolOptions) {
    this.script = opts.script ?? workerScript('importWorker', __dirname);
  }

  run<K extends ImportJobKind>(job: Extract<ImportJob, { kind: K }>): Promise<PoolOutcome<ImportJobAnswers[K]>> {
    if (this.closed) return Promise.resolve(STOPPING);
    return new Promise((resolve) => {
      // A worker answers a job of kind K with runImportJob's answer for K.
      const settle = resolve as (outcome: PoolOutcome<unknown>) => void;
      this.queue.push({ id: this.nextId++, job, settle });
      this.pump();
    });
  }

  /** Workers alive now, busy or idle. */
  get workers(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.settle(STOPPING);
    await Promise.all([...this.slots].map((slot) => this.end(slot, STOPPING)));
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      const slot = this.idle.pop() ?? (this.slots.size < this.opts.workers ? this.spawn() : undefined);
      const pending = slot && this.queue.shift();
      if (!slot || !pending) return;
      this.dispatch(slot, pending);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script.file, {
      execArgv: this.script.execArgv,
      workerData: { limits: this.opts.limits, nice: this.opts.nice ?? IMPORT_WORKER_NICE },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb },
    });
    // An idle worker never keeps the process alive; a busy one is awaited through its job anyway.
    worker.unref();
    const slot: Slot = { worker, booted: false, ended: false };
    worker.on('message', (message: unknown) => this.onReply(slot, message));
    worker.on('error', (error) => void this.end(slot, failureOf(error), error));
    worker.on('exit', () => void this.end(slot, CRASHED));
    this.slots.add(slot);
    return slot;
  }

  private dispatch(slot: Slot, pending: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.pending = pending;
    this.arm(slot, this.opts.timeoutMs + (slot.booted ? 0 : BOOT_ALLOWANCE_MS));
    slot.worker.postMessage({ id: pending.id, job: pending.job });
  }

  private arm(slot: Slot, ms: number): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => void this.end(slot, TIMED_OUT), ms);
  }

  private onReply(slot: Slot, message: unknown): void {
    const reply = WorkerReplySchema.safeParse(message);
    const pending = slot.pending;
    if (!reply.success || !pending || reply.data.id !== pending.id) return;
    if (reply.data.type === 'started') {
      slot.booted = true;
      return this.arm(slot, this.opts.timeoutMs);
    }
    clearTimeout(slot.timer);
    slot.pending = undefined;
    pending.settle(reply.data.type === 'done' ? { ok: true, value: reply.data.value } : CRASHED);
    this.idle.push(slot);
    slot.idleTimer = setTimeout(() => void this.end(slot), this.opts.idleMs ?? IDLE_WORKER_MS);
    this.pump();
  }

  /** Ends a worker once (its 'error' and 'exit' both land here); the job it held gets `outcome`. */
  private async end(slot: Slot, outcome?: PoolFailure, error?: unknown): Promise<void> {
    if (slot.ended) return;
    slot.ended = true;
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    this.slots.delete(slot);
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    if (slot.pending && outcome) {
      slot.pending.settle(outcome);
      if (outcome !== STOPPING) this.opts.onWorkerLost?.(outcome.reason, error);
    }
    slot.pending = undefined;
    this.pump();
    await slot.worker.terminate();
  }
}
