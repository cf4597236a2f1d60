/**
 * A short scripted session of the demo conference (server/src/demo/seedDemo.ts), after the real one of
 * 27 October 2023: four provinces speak, secretaries log fifteen comments, two provinces write in.
 * Run purely through the domain (FixtureConference), with times fixed so the samples never change.
 */
import type { Actor } from '@diem-cau/shared';
import { FixtureConference, type CommandDraft } from '../../shared/src/testing/conferenceFixture';
import { demoSetup } from '../../server/src/demo/seedDemo';

type Input = CommandDraft;
type Step = [clock: string, actor: Actor, input: Input | ((c: FixtureConference) => Input)];

/** 08:00 on 27/10/2023 in Vietnam (UTC+7). */
const at = (clock: string) => Date.parse(`2023-10-27T${clock}+07:00`);
const CHAIR: Actor = { role: 'chair', pointId: 'trung-uong', sessionId: 's-chair', label: 'Chủ trì' };
const SEC: Actor = { role: 'secretary', sessionId: 's-sec', label: 'Thư ký' };
const point = (pointId: string): Actor => ({ role: 'point', pointId, sessionId: `s-${pointId}` });
const who = (delegateId: string, name: string, position: string) => ({ delegateId, name, position });

const HUNG = who('tn-1', 'Dương Xuân Hùng', 'Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy');
const THACH = who('bk-1', 'Hoàng Văn Thạch', 'Trưởng Ban Tổ chức Tỉnh ủy');
const THANG = who('ls-1', 'Vi Đức Thắng', 'Bí thư Đảng đoàn HĐND tỉnh');
const HANH = who('cb-1', 'Nông Thị Hạnh', 'Phó Trưởng Ban Tổ chức Tỉnh ủy');

/** The speech currently holding the floor: secretaries log against it. */
const current = (c: FixtureConference) => c.state.currentSpeechId ?? '';
const request = (c: FixtureConference, pointId: string) => c.state.queue.find((id) => c.state.requests.get(id)?.pointId === pointId) ?? '';
const log = (kind: Input extends infer I ? (I extends { type: 'comment.log'; kind: infer K } ? K : never) : never, text: string, articles: Array<{ article: number; clause?: number; item?: string }>) =>
  (c: FixtureConference): Input => ({ type: 'comment.log', speechId: current(c), kind, text, articles });

const OPENING: Step[] = [
  ['08:00:00', CHAIR, { type: 'conference.start' }],
  ['08:00:20', CHAIR, { type: 'agenda.activate', itemId: 'khai-mac' }],
  ['08:12:00', CHAIR, { type: 'agenda.activate', itemId: 'trinh-bay' }],
  ['08:20:15', point('tuyen-quang'), { type: 'comment.log', pointId: 'tuyen-quang', source: 'written', kind: 'supplement', articles: [{ article: 9, clause: 1 }], delegate: who('tq-1', 'Ma Thị Lan', 'Trưởng Ban Tổ chức Tỉnh ủy'), text: 'Đề nghị quy định rõ nhiệm kỳ của đảng đoàn, ban cán sự đảng trong trường hợp cơ quan, tổ chức có nhiệm kỳ khác với nhiệm kỳ của tỉnh ủy.' }],
  ['08:35:00', CHAIR, { type: 'agenda.activate', itemId: 'thao-luan-1' }],
  ['08:35:10', point('thai-nguyen'), { type: 'floor.request', pointId: 'thai-nguyen', delegate: HUNG, articles: [{ article: 5 }, { article: 8 }], topic: 'Phối hợp với cấp ủy; cơ cấu thường trực' }],
  ['08:35:40', point('bac-kan'), { type: 'floor.request', pointId: 'bac-kan', delegate: THACH, articles: [{ article: 3 }] }],
  ['08:36:05', point('lang-son'), { type: 'floor.request', pointId: 'lang-son', delegate: THANG, articles: [{ article: 7 }, { article: 11 }] }],
];

const THAI_NGUYEN: Step[] = [
  ['08:36:30', CHAIR, (c) => ({ type: 'floor.grant', requestId: request(c, 'thai-nguyen'), limitS: 300 })],
  ['08:37:10', SEC, log('agree', 'Thống nhất cao với sự cần thiết ban hành Quy định; dự thảo được chuẩn bị công phu, bám sát thực tiễn.', [])],
  ['08:38:20', SEC, log('clarify', 'Cần làm rõ hơn công tác phối hợp của ban cán sự đảng với cấp ủy, chi bộ cơ quan trong thực hiện nhiệm vụ chính trị và xây dựng Đảng.', [{ article: 5, clause: 2 }])],
  ['08:39:35', SEC, log('amend', 'Cơ cấu thường trực đảng đoàn HĐND và ban cán sự đảng UBND tỉnh cần được điều chỉnh phù hợp với thực tiễn.', [{ article: 8, clause: 1 }, { article: 8, clause: 2 }])],
  ['08:40:50', SEC, log('propose', 'Mở rộng thành phần ban cán sự đảng UBND tỉnh có lãnh đạo một số sở, ngành giữ vai trò quan trọng; nghiên cứu bố trí cán bộ chuyên trách.', [{ article: 8, clause: 2 }])],
  ['08:41:30', CHAIR, (c) => ({ type: 'floor.extend', speechId: current(c), seconds: 120 })],
  ['08:43:00', SEC, log('supplement', 'Đề xuất thành lập đảng đoàn đối với đoàn luật sư cấp tỉnh.', [{ article: 3, clause: 2, item: 'a' }])],
  ['08:44:10', point('thai-nguyen'), (c) => ({ type: 'floor.release', speechId: current(c) })],
];

const BAC_KAN_LANG_SON: Step[] = [
  ['08:44:30', CHAIR, (c) => ({ type: 'floor.grant', requestId: request(c, 'bac-kan'), limitS: 300 })],
  ['08:45:40', SEC, log('remove', 'Đề nghị bỏ quy định đảng đoàn, ban cán sự đảng không có tổ chức đảng trực thuộc vì đã được quy định tại Điều lệ Đảng.', [{ article: 3, clause: 3 }])],
  ['08:47:05', SEC, log('agree', 'Tán thành quy định về vị trí và việc thành lập đảng đoàn, ban cán sự đảng.', [{ article: 3, clause: 1 }])],
  ['08:48:45', point('bac-kan'), (c) => ({ type: 'floor.release', speechId: current(c) })],
  ['08:49:00', CHAIR, (c) => ({ type: 'floor.grant', requestId: request(c, 'lang-son'), limitS: 300 })],
  ['08:50:30', SEC, log('supplement', 'Bổ sung trách nhiệm của các đồng chí ủy viên đảng đoàn, ban cán sự đảng trong việc báo cáo kết quả thực hiện nhiệm vụ được phân công.', [{ article: 7, clause: 2 }])],
  ['08:52:15', SEC, log('clarify', 'Làm rõ chế độ họp bất thường của đảng đoàn, ban cán sự đảng và thẩm quyền triệu tập.', [{ article: 11, clause: 1 }])],
  ['08:54:00', SEC, log('amend', 'Sửa "ba tháng một lần" thành "định kỳ hằng quý và khi cần thiết".', [{ article: 11, clause: 1 }])],
  ['08:55:20', CHAIR, (c) => ({ type: 'floor.revoke', speechId: current(c), reason: 'Đã quá thời gian phát biểu' })],
];

const SECOND_HALF: Step[] = [
  ['08:55:40', CHAIR, { type: 'agenda.activate', itemId: 'thao-luan-2' }],
  ['08:56:00', point('cao-bang'), { type: 'floor.request', pointId: 'cao-bang', delegate: HANH, articles: [{ article: 13 }, { article: 15 }] }],
  ['08:56:20', CHAIR, (c) => ({ type: 'floor.grant', requestId: request(c, 'cao-bang'), limitS: 300 })],
  ['08:57:30', SEC, log('amend', 'Điều chỉnh mối quan hệ với ban thường vụ tỉnh ủy theo hướng xin ý kiến trước khi quyết định những vấn đề quan trọng.', [{ article: 13, clause: 2 }])],
  ['08:59:10', SEC, log('propose', 'Cần xây dựng quy chế phối hợp mẫu giữa các đảng đoàn, ban cán sự đảng cấp tỉnh.', [{ article: 15 }])],
  ['09:00:50', point('cao-bang'), (c) => ({ type: 'floor.release', speechId: current(c) })],
  ['09:01:30', point('phu-tho'), { type: 'comment.log', pointId: 'phu-tho', source: 'written', kind: 'other', articles: [], delegate: who('pt-1', 'Trần Quang Vinh', 'Phó Bí thư Ban cán sự đảng UBND tỉnh'), text: 'Đề nghị sớm ban hành hướng dẫn thực hiện Quy định sau khi được thông qua.' }],
  ['09:02:00', CHAIR, { type: 'agenda.activate', itemId: 'ket-luan' }],
  ['09:02:10', CHAIR, { type: 'floor.grant', self: true, limitS: 600 }],
  ['09:08:30', CHAIR, (c) => ({ type: 'floor.release', speechId: current(c) })],
  ['09:09:00', CHAIR, { type: 'conference.end' }],
];

export function demoSession(): FixtureConference {
  const conf = new FixtureConference(demoSetup());
  for (const [clock, actor, input] of [...OPENING, ...THAI_NGUYEN, ...BAC_KAN_LANG_SON, ...SECOND_HALF]) {
    conf.must(actor, typeof input === 'function' ? input(conf) : input, at(clock));
  }
  return conf;
}
