// npm run check:redis-backup -- DIR: does a copy of a Redis data directory (appendonlydir/ and/or dump.rdb, as README's
// "Backup and restore" says to take it) load? A private redis-server loads a copy of DIR on a free loopback port and
// the script prints what the copy holds: conferences, their log lengths, sessions. The copy is never modified.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../../server/src/testing/redisServer';
import { positional, runCli } from './storeArgs';

const PREFIX = 'dc';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function loaded(port: number, exited: () => string | undefined): Promise<Redis> {
  for (let i = 0; i < 600; i += 1) {
    const why = exited();
    if (why) throw new Error(`redis-server refused the copy:\n${why}`);
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping(); // answered LOADING until the files are read
      return probe;
    } catch {
      probe.disconnect();
      await sleep(100);
    }
  }
  throw new Error('redis-server did not finish loading the copy within 60 s');
}

void runCli(async () => {
  const source = positional();
  if (!source) throw new Error('usage: npm run check:redis-backup -- DIR   (a copy of Redis\'s data directory)');
  const dir = resolve(source);
  const aof = existsSync(join(dir, 'appendonlydir'));
  if (!aof && !existsSync(join(dir, 'dump.rdb'))) throw new Error(`${dir} holds neither appendonlydir/ nor dump.rdb`);
  const copy = mkdtempSync(join(tmpdir(), 'diem-cau-redis-check-'));
  cpSync(dir, copy, { recursive: true });
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', copy, '--appendonly', aof ? 'yes' : 'no', '--dbfilename', 'dump.rdb', '--save', ''], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let ended: string | undefined;
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.once('exit', (code) => (ended = `exit ${code}\n${output.split('\n').slice(-8).join('\n')}`));
  try {
    const redis = await loaded(port, () => ended);
    const ids = await redis.smembers(`${PREFIX}:conferences`);
    const lengths = await Promise.all(ids.map((id) => redis.xlen(`${PREFIX}:{${id}}:log`)));
    const keys = await redis.dbsize();
    redis.disconnect();
    const events = lengths.reduce((a, b) => a + b, 0);
    return `${dir} loads (${aof ? 'append-only file' : 'RDB snapshot'}): ${keys} keys, ${ids.length} conferences, ${events} events` +
      ids.map((id, i) => `\n  ${id}: ${lengths[i]} events`).join('');
  } finally {
    child.kill('SIGKILL');
    rmSync(copy, { recursive: true, force: true });
  }
});
