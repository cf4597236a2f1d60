import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ImportJobSchema, runImportJob } from './importJobs';
import { ParseLimitsSchema } from './parseLimits';
import { WorkerRequestSchema, type WorkerReply } from './workerProtocol';

/**
 * The entry of an import pool worker (bundled to server/dist/importWorker.cjs). It parses one job at a
 * time; the pool enforces the time and memory limits by ending this thread, so nothing here needs to.
 */
function parent(): NonNullable<typeof parentPort> {
  if (!parentPort) throw new Error('importWorker runs as a worker thread of the import pool');
  return parentPort;
}
const port = parent();
const data = workerData as { limits?: unknown; nice?: unknown } | null;
const limits = ParseLimitsSchema.parse(data?.limits);
lowerOwnPriority(typeof data?.nice === 'number' ? data.nice : 0);
const reply = (message: WorkerReply) => port.postMessage(message);

/**
 * On Linux the nice value belongs to a thread: `setpriority(PRIO_PROCESS, 0)` from this thread lowers this
 * thread only (Q27). Where the platform refuses, the worker runs at the hub's priority.
 */
function lowerOwnPriority(nice: number): void {
  if (nice <= 0) return;
  try {
    setPriority(0, nice);
  } catch {
    // not permitted here: same priority as the hub
  }
}

async function handle(message: unknown): Promise<void> {
  const request = WorkerRequestSchema.safeParse(message);
  if (!request.success) return;
  const { id } = request.data;
  reply({ type: 'started', id });
  const job = ImportJobSchema.safeParse(request.data.job);
  if (!job.success) return reply({ type: 'failed', id, message: 'invalid import job' });
  try {
    const answer = await runImportJob(job.data, limits);
    port.postMessage({ type: 'done', id, value: answer } satisfies WorkerReply, answer.ok ? [answer.json.buffer] : []);
  } catch (error) {
    reply({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', (message: unknown) => void handle(message));
