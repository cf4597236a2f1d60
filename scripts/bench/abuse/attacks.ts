// The attacks bench:abuse runs, in order, and the process each one runs in: prepared, then told to go, then
// run until its deadline, its tally sent to the parent. Imports run early so that the import worker has
// ended (idle for 30 s) before the hub's RSS is read at the end.
import type { Attack } from './attack';
import { codeGuessing, deepBody, hostileFiles } from './httpAttacks';
import type { Arena } from './setup';
import { manySockets, syncFlood, transportHoard, writtenFlood } from './socketAttacks';
import { Tally } from './tally';

export interface AttackOptions { sockets: number; syncSessions: number; mediaSessions: number; xlsxRows: number; syncComments: number }

export interface AttackSpec {
  id: string;
  title: (o: AttackOptions) => string;
  make: (o: AttackOptions) => Attack;
  /** Ask the probe conference's chair for a media transport near the end of the attack. */
  mediaCheck?: boolean;
}

export const ATTACKS: AttackSpec[] = [
  { id: 'deep-body', title: () => '1 deep JSON body (4 MB, 2,000,000 levels), 2 to /api/sessions + 2 to an admin route at once', make: () => deepBody() },
  { id: 'many-sockets', title: (o) => `2 ${o.sockets} sockets tried on one point token, commands back to back`, make: (o) => manySockets(o.sockets) },
  { id: 'written-flood', title: () => '3 written comments of 10,000 characters back to back', make: () => writtenFlood() },
  { id: 'sync-flood', title: (o) => `4a snapshot syncs (sinceSeq 0) on a ${o.syncComments.toLocaleString('en-US')}-comment log, one display session`, make: () => syncFlood(1) },
  { id: 'sync-flood-many', title: (o) => `4b the same from ${o.syncSessions} display sessions of one code`, make: (o) => syncFlood(o.syncSessions) },
  { id: 'hostile-files', title: () => '5 hostile .docx / .xlsx uploads, 2 at once', make: (o) => hostileFiles(o.xlsxRows) },
  { id: 'transports', title: () => '6a media createTransport (recv), never connected, one display session', make: () => transportHoard(1), mediaCheck: true },
  { id: 'transports-many', title: (o) => `6b the same from ${o.mediaSessions} display sessions of one code`, make: (o) => transportHoard(o.mediaSessions), mediaCheck: true },
  { id: 'guessing', title: () => '7 wrong join codes + wrong admin tokens, 2 + 2 at once', make: () => codeGuessing() },
];

/** `cpuMs`: the attacker's own CPU time during its run (on two cores it competes with the hub for them). */
export interface AttackReport { type: 'report'; tally: Array<[string, number]>; notes: string[]; cpuMs: number }

/** The body of an attack process: prepare, say ready, wait for go, run for `durationMs`, report, exit. */
export async function runAttackProcess(spec: AttackSpec, options: AttackOptions, arena: Arena, durationMs: number): Promise<void> {
  const attack = spec.make(options);
  await attack.prepare?.();
  const go = new Promise((resolve) => process.once('message', resolve));
  process.send?.({ type: 'ready' });
  await go;
  const tally = new Tally();
  const notes: string[] = [];
  const deadline = Date.now() + durationMs;
  const cpu = process.cpuUsage();
  await attack.run({ arena, tally, over: () => Date.now() >= deadline, note: (text) => notes.push(text) });
  const used = process.cpuUsage(cpu);
  const report: AttackReport = { type: 'report', tally: tally.entries(), notes, cpuMs: (used.user + used.system) / 1000 };
  process.send?.(report, () => process.exit(0));
}
