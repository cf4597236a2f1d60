import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminTokenFrom } from './adminToken';
import { openStores } from './stores';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const CLUSTER = { timing: { ttlMs: 3_000, renewEveryMs: 1_000 }, presenceDeadAfterMs: 3_000, onError: () => undefined };

describe('Q42: DATA_DIR and the database are the hub user\'s alone', () => {
  it('Q42: a new DATA_DIR is 0700 and the database with its -wal and -shm 0600, whatever the umask', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'diem-cau-modes-')), 'data', 'nested');
    const umask = process.umask(0o022);
    try {
      const stores = await openStores(dir, undefined, CLUSTER);
      await stores.accessStore.addJoinCodes([{ code: 'ABCD-EFGH', conferenceId: 'hn-1', role: 'chair', label: 'Chủ trì', revoked: false }]);
      expect(modeOf(dir)).toBe('700');
      expect(['diem-cau.db', 'diem-cau.db-wal', 'diem-cau.db-shm'].map((f) => modeOf(join(dir, f)))).toEqual(['600', '600', '600']);
      await stores.store.close();
    } finally {
      process.umask(umask);
    }
  });

  it('Q42: an existing DATA_DIR 0755 and database files 0644 (older versions) are closed to others on start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diem-cau-modes-'));
    chmodSync(dir, 0o755);
    const first = await openStores(dir, undefined, CLUSTER);
    await first.accessStore.addJoinCodes([{ code: 'ABCD-EFGH', conferenceId: 'hn-1', role: 'chair', label: 'Chủ trì', revoked: false }]);
    await first.store.close();
    for (const f of ['diem-cau.db', 'diem-cau.db-wal', 'diem-cau.db-shm']) {
      try {
        chmodSync(join(dir, f), 0o644);
      } catch {
        // -wal and -shm are gone once the last connection closed cleanly.
      }
    }
    chmodSync(dir, 0o755);
    const again = await openStores(dir, undefined, CLUSTER);
    expect(modeOf(dir)).toBe('700');
    expect(modeOf(join(dir, 'diem-cau.db'))).toBe('600');
    expect(await again.accessStore.findJoinCode('ABCD-EFGH')).toMatchObject({ role: 'chair' });
    await again.store.close();
  });
});

describe('Q43: the admin-token file', () => {
  const dirWith = (content: string | undefined, mode = 0o600) => {
    const dir = mkdtempSync(join(tmpdir(), 'diem-cau-token-'));
    if (content !== undefined) {
      writeFileSync(join(dir, 'admin-token'), content);
      chmodSync(join(dir, 'admin-token'), mode);
    }
    return dir;
  };

  it('Q43: a missing file is generated 0600 with a long random token', () => {
    const dir = dirWith(undefined);
    const token = adminTokenFrom(undefined, dir);
    expect(token.value.length).toBeGreaterThanOrEqual(32);
    expect(modeOf(join(dir, 'admin-token'))).toBe('600');
    expect(adminTokenFrom(undefined, dir).value).toBe(token.value);
  });

  it('Q43: a file readable by group or others stops the start, saying to run chmod 600 on it', () => {
    const dir = dirWith('a-long-enough-admin-token-0123456789\n', 0o644);
    expect(() => adminTokenFrom(undefined, dir)).toThrow(`run  chmod 600 ${join(dir, 'admin-token')}`);
    chmodSync(join(dir, 'admin-token'), 0o640);
    expect(() => adminTokenFrom(undefined, dir)).toThrow(/mode 640/);
  });

  it('Q43: a token shorter than 16 characters stops the start, saying how to write a longer one', () => {
    const dir = dirWith('short-token\n');
    expect(() => adminTokenFrom(undefined, dir)).toThrow(/11 characters, fewer than 16.*openssl rand -base64 24/);
  });

  it('Q43: ADMIN_TOKEN from the environment wins and no file is read', () => {
    expect(adminTokenFrom('env-admin-token-0123456789', dirWith('x', 0o644))).toEqual({ value: 'env-admin-token-0123456789', source: 'env' });
  });
});
