import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * ADMIN_TOKEN from the environment, or one generated on first start and kept in
 * DATA_DIR/admin-token (mode 600), so a demo needs no configuration.
 */
export function adminTokenFrom(fromEnv: string | undefined, dataDir: string): { value: string; source: 'env' | 'file'; file?: string } {
  if (fromEnv) return { value: fromEnv, source: 'env' };
  const file = join(dataDir, 'admin-token');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  return { value: readFileSync(file, 'utf8').trim(), source: 'file', file };
}
