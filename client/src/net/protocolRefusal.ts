import { PROTOCOL_VERSION } from '@diem-cau/shared';
import type { ConnectRefusal } from './transport';

/** How a hub of the previous releases refused a protocol it did not speak (no reason, only this text). */
const LEGACY_TEXT = /^Giao thức \S+ không được hỗ trợ \(cần (\d+)\)$/;

/**
 * Whether a refused connection was about the protocol (U2): this console is older than the hub serves
 * (reload to get the new one), or the hub is older than this console (an upgrade under way: try again later).
 */
export function protocolRefusal(error: ConnectRefusal, mine = PROTOCOL_VERSION): 'CONSOLE_OUTDATED' | 'HUB_OUTDATED' | undefined {
  if (error.reason === 'CONSOLE_OUTDATED' || error.reason === 'HUB_OUTDATED') return error.reason;
  const legacy = error.code === 'INVALID' ? LEGACY_TEXT.exec(error.message) : null;
  if (!legacy) return undefined;
  return Number(legacy[1]) < mine ? 'HUB_OUTDATED' : 'CONSOLE_OUTDATED';
}
