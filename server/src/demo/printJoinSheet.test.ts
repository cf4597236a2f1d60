import type { JoinCode } from '../store/accessStore';
import { printJoinSheet } from './printJoinSheet';

const code = (role: string, value: string, label = ''): JoinCode => ({ code: value, role, label, conferenceId: 'hn-demo', revoked: false } as unknown as JoinCode);

it('the join sheet names every role in Vietnamese and gives the viewer code the viewer page, not the console join link', () => {
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    printJoinSheet([code('chair', 'AAAA-BBBB'), code('viewer', 'VVVV-WWWW'), code('point', 'PPPP-QQQQ', 'Tỉnh ủy Bắc Kạn')], 'https://diemcau.example.vn', { source: 'env' });
  } finally {
    write.mockRestore();
  }
  const lines = out.split('\n');
  expect(lines.find((l) => l.includes('VVVV-WWWW'))).toMatch(/^Người xem \(phát trực tiếp\)\s+VVVV-WWWW\s+https:\/\/diemcau\.example\.vn\/xem#code=VVVV-WWWW$/);
  expect(lines.find((l) => l.includes('AAAA-BBBB'))).toMatch(/^Chủ trì\s+AAAA-BBBB\s+https:\/\/diemcau\.example\.vn\/join\/AAAA-BBBB$/);
  expect(lines.find((l) => l.includes('PPPP-QQQQ'))).toMatch(/^Điểm cầu: Tỉnh ủy Bắc Kạn\s+PPPP-QQQQ/);
  expect(out).not.toMatch(/^viewer/m);
});
