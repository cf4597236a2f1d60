import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import type { ImportJob, ImportJobAnswers, ImportJobKind } from './importJobs';
import type { ParseLimits } from './parseLimits';
import { WorkerReplySchema } from './workerProtocol';
import { workerScript, type WorkerScript } from '../workers/workerScript';

/** The import worker's nice value unless configured: below the hub's process, above idle work. */
export const IMPORT_WORKER_NICE = 19;

export interface ImportPoolOptions {
  /** IMPORT_WORKERS: files parsed at once; more wait in line. Workers start on demand. */
  workers: number;
  /** IMPORT_TIMEOUT_MS: a job running longer ends its worker and answers TIMEOUT. */
  timeoutMs: number;
  /** IMPORT_WORKER_MEMORY_MB: a worker's V8 heap (--max-old-space-size); past it the worker dies and the job answers FILE_TOO_LARGE. */
  memoryMb: number;
  limits: ParseLimits;
  /**
   * IMPORT_WORKER_NICE: the worker process's nice value: a hostile file parsed on the second core yields it to the
   * hub's threads and its writer rather than sharing it evenly (Q27). Default 10.
   */
  nice?: number;
  /** An idle worker ends after this long (default 30 s); the next job starts a new one. */
  idleMs?: number;
  script?: WorkerScript;
  /** A worker ended by a limit or a crash (not an idle one): for the logs. */
  onWorkerLost?: (reason: PoolFailureReason, stderrTail?: string) => void;
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
interface Slot { worker: ChildProcess; exited: Promise<void>; stderrTail: string; pending?: Pending; booted: boolean; ended: boolean; timer?: NodeJS.Timeout; idleTimer?: NodeJS.Timeout }

/** V8 says why it aborts on stderr; a heap past --max-old-space-size is the file's size, anything else a crash. */
const failureOf = (stderrTail: string): PoolFailure => (/heap out of memory|Reached heap limit/.test(stderrTail) ? OUT_OF_MEMORY : CRASHED);
const STDERR_TAIL_CHARS = 4_096;

/**
 * Uploaded files are parsed here, off the hub's event loop (Q20), in worker processes. The time and memory limits
 * can only be enforced from outside the parser, by ending its process: a worker past a limit is killed and the
 * next job gets a new one, so the hub keeps serving whatever a file does to the parser. A process rather than a
 * thread (Q28): what a parse allocates (inflated parts, a spreadsheet's cells) goes back to the system when an idle
 * worker exits, where a thread's freed memory stayed in the hub's allocator (+75–120 MB of RSS per hostile upload,
 * bench:abuse); and a parser that crashes natively takes only its own process down.
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

  /** Their process ids (tests and diagnostics). */
  get workerPids(): number[] {
    return [...this.slots].flatMap((slot) => (slot.worker.pid === undefined ? [] : [slot.worker.pid]));
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
    const worker = fork(this.script.file, [JSON.stringify({ limits: this.opts.limits })], {
      // One core at most (Q27): V8 without background threads (GC, compilation) and one libuv thread for zlib, so
      // a hostile file on a two-core machine leaves the hub a core of its own, whatever the nice value does.
      execArgv: [...this.script.execArgv, `--max-old-space-size=${this.opts.memoryMb}`, '--single-threaded'],
      env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const slot: Slot = { worker, booted: false, ended: false, stderrTail: '', exited: new Promise((resolve) => worker.once('exit', () => resolve())) };
    lowerPriority(worker, this.opts.nice ?? IMPORT_WORKER_NICE);
    // An idle worker never keeps the hub alive; a busy one is awaited through its job anyway.
    worker.unref();
    worker.channel?.unref();
    const stderr = worker.stderr as (NodeJS.ReadableStream & { unref?: () => void }) | null;
    stderr?.unref?.();
    stderr?.on('data', (chunk: Buffer) => (slot.stderrTail = (slot.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS)));
    worker.on('message', (message: unknown) => this.onReply(slot, message));
    worker.on('error', () => void this.end(slot, CRASHED));
    // stderr is read to its end before 'close', so the reason V8 gave is there.
    worker.on('close', () => void this.end(slot, failureOf(slot.stderrTail)));
    this.slots.add(slot);
    return slot;
  }

  private dispatch(slot: Slot, pending: Pending): void {
    clearTimeout(slot.idleTimer);
    slot.pending = pending;
    this.arm(slot, this.opts.timeoutMs + (slot.booted ? 0 : BOOT_ALLOWANCE_MS));
    slot.worker.send({ id: pending.id, job: pending.job });
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
  private async end(slot: Slot, outcome?: PoolFailure): Promise<void> {
    if (slot.ended) return;
    slot.ended = true;
    clearTimeout(slot.timer);
    clearTimeout(slot.idleTimer);
    this.slots.delete(slot);
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    if (slot.pending && outcome) {
      slot.pending.settle(outcome);
      if (outcome !== STOPPING) this.opts.onWorkerLost?.(outcome.reason, slot.stderrTail || undefined);
    }
    slot.pending = undefined;
    this.pump();
    if (slot.worker.exitCode === null && slot.worker.signalCode === null) slot.worker.kill('SIGKILL');
    await slot.exited;
  }
}

/** Linux and macOS let a process lower another's priority; where refused, the worker runs at the hub's. */
function lowerPriority(worker: ChildProcess, nice: number): void {
  if (nice <= 0 || worker.pid === undefined) return;
  try {
    setPriority(worker.pid, nice);
  } catch {
    // not permitted here: same priority as the hub
  }
}
