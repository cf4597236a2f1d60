import type { JoinCodeInfo, TestHub } from './testHub';

const DELEGATE = { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };

/**
 * A conference from start to end over the hub's sockets: Thái Nguyên asks for the floor on Điều 1 and speaks, the
 * secretary logs one spoken comment on its clause 2 and one written comment from Hà Giang, the chair ends it.
 */
export async function runShortConference(hub: TestHub, codes: JoinCodeInfo[], texts: { spoken: string; written: string }): Promise<void> {
  const chair = await hub.join(codes, { role: 'chair' });
  const tn = await hub.join(codes, { role: 'point', pointId: 'thai-nguyen' });
  const sec = await hub.join(codes, { role: 'secretary' });
  await chair.command({ type: 'conference.start' });
  await tn.command({ type: 'floor.request', pointId: 'thai-nguyen', delegate: DELEGATE, articles: [{ article: 1 }] });
  await chair.waitForSeq(3);
  await chair.command({ type: 'floor.grant', requestId: chair.state?.requests.ids[0] });
  await sec.waitForSeq(4);
  const speechId = sec.state?.currentSpeechId;
  await sec.command({ type: 'comment.log', speechId, articles: [{ article: 1, clause: 2 }], kind: 'amend', text: texts.spoken });
  await sec.command({ type: 'comment.log', kind: 'propose', pointId: 'ha-giang', source: 'written', text: texts.written });
  await chair.command({ type: 'floor.release', speechId });
  await chair.command({ type: 'conference.end' });
}
