import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The same floor as ADMIN_TOKEN from the environment. */
export const MIN_ADMIN_TOKEN_CHARS = 16;

/**
 * An admin-token file the hub will not start with (Q43): readable by other users of the machine, or too
 * short to resist guessing. The message says what to run.
 */
function refusalOf(file: string, value: string): string | undefined {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    return `${file} can be read by other users of this machine (mode ${mode.toString(8).padStart(3, '0')}): run  chmod 600 ${file}  and start again`;
  }
  if (value.length < MIN_ADMIN_TOKEN_CHARS) {
    return `${file} holds a token of ${value.length} characters, fewer than ${MIN_ADMIN_TOKEN_CHARS}: write a longer one ` +
      `(umask 077; openssl rand -base64 24 > ${file}) or delete the file to have one generated`;
  }
  return undefined;
}

/**
 * ADMIN_TOKEN from the environment, or one generated on first start and kept in
 * DATA_DIR/admin-token (mode 600), so a demo needs no configuration.
 */
export function adminTokenFrom(fromEnv: string | undefined, dataDir: string): { value: string; source: 'env' | 'file'; file?: string } {
  if (fromEnv) return { value: fromEnv, source: 'env' };
  const file = join(dataDir, 'admin-token');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  const value = readFileSync(file, 'utf8').trim();
  const refusal = refusalOf(file, value);
  if (refusal) throw new Error(refusal);
  return { value, source: 'file', file };
}
