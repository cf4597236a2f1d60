import type { BridgePointSetup } from '@diem-cau/shared';

/**
 * The demo conference's bridge points, after the real one of 27 October 2023
 * (../shared/seed/article-vi.txt): the central point chaired by the Ban Tổ chức Trung ương
 * and provincial points, Thái Nguyên among them. Delegates other than the two named
 * in the article are fictitious.
 */
export const DEMO_POINTS: BridgePointSetup[] = [
  { id: 'trung-uong', name: 'Điểm cầu Trung ương', kind: 'central', delegates: [
    { id: 'tu-1', name: 'Nguyễn Quang Dương', position: 'Ủy viên Trung ương Đảng, Phó Trưởng Ban Tổ chức Trung ương' },
    { id: 'tu-2', name: 'Lê Thị Minh Hà', position: 'Vụ trưởng Vụ Tổ chức – Điều lệ' },
  ] },
  { id: 'thai-nguyen', name: 'Tỉnh ủy Thái Nguyên', kind: 'provincial', delegates: [
    { id: 'tn-1', name: 'Dương Xuân Hùng', position: 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy' },
    { id: 'tn-2', name: 'Mai Thị Thúy Nga', position: 'Phó Chủ tịch HĐND tỉnh' },
  ] },
  { id: 'bac-kan', name: 'Tỉnh ủy Bắc Kạn', kind: 'provincial', delegates: [
    { id: 'bk-1', name: 'Hoàng Văn Thạch', position: 'Trưởng Ban Tổ chức Tỉnh ủy' },
  ] },
  { id: 'cao-bang', name: 'Tỉnh ủy Cao Bằng', kind: 'provincial', delegates: [
    { id: 'cb-1', name: 'Nông Thị Hạnh', position: 'Phó Trưởng Ban Tổ chức Tỉnh ủy' },
  ] },
  { id: 'lang-son', name: 'Tỉnh ủy Lạng Sơn', kind: 'provincial', delegates: [
    { id: 'ls-1', name: 'Vi Đức Thắng', position: 'Bí thư Đảng đoàn HĐND tỉnh' },
  ] },
  { id: 'tuyen-quang', name: 'Tỉnh ủy Tuyên Quang', kind: 'provincial', delegates: [
    { id: 'tq-1', name: 'Ma Thị Lan', position: 'Trưởng Ban Tổ chức Tỉnh ủy' },
  ] },
  { id: 'phu-tho', name: 'Tỉnh ủy Phú Thọ', kind: 'provincial', delegates: [
    { id: 'pt-1', name: 'Trần Quang Vinh', position: 'Phó Bí thư Ban cán sự đảng UBND tỉnh' },
  ] },
];
