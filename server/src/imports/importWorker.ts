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
const limits = ParseLimitsSchema.parse((workerData as { limits?: unknown } | null)?.limits);
const reply = (message: WorkerReply) => port.postMessage(message);

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
