import { ImportJobSchema, runImportJob } from './importJobs';
import { ParseLimitsSchema } from './parseLimits';
import { WorkerRequestSchema, type WorkerReply } from './workerProtocol';

/**
 * The entry of an import pool worker process (bundled to server/dist/importWorker.cjs), forked by the pool with its
 * limits as the one argument. It parses one job at a time; the pool enforces the time and memory limits by ending
 * this process and sets its priority, so nothing here needs to.
 */
function send(message: WorkerReply): void {
  if (!process.send) throw new Error('importWorker runs as a process forked by the import pool');
  process.send(message);
}
const limits = ParseLimitsSchema.parse((JSON.parse(process.argv[2] ?? '{}') as { limits?: unknown }).limits);

async function handle(message: unknown): Promise<void> {
  const request = WorkerRequestSchema.safeParse(message);
  if (!request.success) return;
  const { id } = request.data;
  send({ type: 'started', id });
  const job = ImportJobSchema.safeParse(request.data.job);
  if (!job.success) return send({ type: 'failed', id, message: 'invalid import job' });
  try {
    send({ type: 'done', id, value: await runImportJob(job.data, limits) });
  } catch (error) {
    send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}

process.on('message', (message: unknown) => void handle(message));
// The hub gone (even killed), its worker goes too.
process.on('disconnect', () => process.exit(0));
