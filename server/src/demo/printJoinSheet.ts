import { isLocalOnlyUrl } from '@diem-cau/shared';
import type { JoinCode } from '../store/accessStore';
import { joinLink, viewerLink } from '../http/api';

const ROLE_VI: Record<string, string> = { chair: 'Chủ trì', secretary: 'Thư ký', display: 'Màn hình', organiser: 'Ban tổ chức', point: 'Điểm cầu', viewer: 'Người xem (phát trực tiếp)' };

/** The join codes and links, printed on start so the demo can be opened at once. */
export function printJoinSheet(codes: JoinCode[], baseUrl: string, admin: { source: string; file?: string }): void {
  const lines = [
    '',
    `Điểm Cầu đang chạy tại ${baseUrl}`,
    `Hội nghị mẫu: ${codes[0]?.conferenceId ?? ''}`,
    '',
    'Vai trò / điểm cầu                      Mã tham gia   Đường dẫn',
    ...codes.map((c) => `${`${ROLE_VI[c.role] ?? c.role}${c.role === 'point' ? `: ${c.label}` : ''}`.padEnd(40)}${c.code.padEnd(14)}${c.role === 'viewer' ? viewerLink(baseUrl, c.code) : joinLink(baseUrl, c.code)}`),
    '',
    admin.source === 'file' ? `Mã quản trị (ADMIN_TOKEN) được tạo và lưu trong tệp ${admin.file}` : 'Mã quản trị: biến môi trường ADMIN_TOKEN',
    ...(isLocalOnlyUrl(baseUrl)
      ? ['', `Lưu ý: các đường dẫn trên trỏ tới ${new URL(baseUrl).host}, chỉ mở được trên máy này. Đặt PUBLIC_URL (địa chỉ các điểm cầu truy cập được) trước khi in phiếu tham gia.`]
      : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
