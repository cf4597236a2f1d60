import { ACTORS, FixtureConference } from '../testing/conferenceFixture';

const delegate = { name: 'Dương Xuân Hùng', position: 'Trưởng Ban Tổ chức Tỉnh ủy' };

function withSpeech() {
  const conf = new FixtureConference();
  conf.must(ACTORS.chair, { type: 'conference.start' });
  const [requested] = conf.must(ACTORS.thaiNguyen, { type: 'floor.request', pointId: 'thai-nguyen', delegate });
  const requestId = requested?.type === 'floor.requested' ? requested.payload.requestId : '';
  conf.must(ACTORS.chair, { type: 'floor.grant', requestId });
  return { conf, speechId: conf.state.currentSpeechId ?? '' };
}

describe('comments', () => {
  it('C1: a comment logged against a speech takes its point and delegate from the speech', () => {
    const { conf, speechId } = withSpeech();
    conf.must(ACTORS.secretary, { type: 'comment.log', speechId, articles: [{ article: 1, clause: 2 }], kind: 'amend', text: '  Đề nghị sửa khoản 2  ' });
    const comment = conf.state.comments.get(conf.state.comments.ids[0] ?? '');
    expect(comment).toMatchObject({ pointId: 'thai-nguyen', delegate, kind: 'amend', text: 'Đề nghị sửa khoản 2', source: 'spoken', loggedBy: { role: 'secretary' } });
  });

  it('C2: comment text is stored NFC whatever form it arrives in', () => {
    const { conf, speechId } = withSpeech();
    const nfd = 'Đồng tình với dự thảo'.normalize('NFD');
    conf.must(ACTORS.secretary, { type: 'comment.log', speechId, kind: 'agree', text: nfd });
    expect(conf.state.comments.get(conf.state.comments.ids[0] ?? '')?.text).toBe('Đồng tình với dự thảo'.normalize('NFC'));
  });

  it('C3: a comment on an article the draft lacks is INVALID and changes nothing', () => {
    const { conf, speechId } = withSpeech();
    const seq = conf.state.seq;
    expect(conf.run(ACTORS.secretary, { type: 'comment.log', speechId, articles: [{ article: 42 }], kind: 'agree', text: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    expect(conf.state.seq).toBe(seq);
  });

  it('C4: edit changes the given fields; retract hides the comment and blocks further edits', () => {
    const { conf, speechId } = withSpeech();
    const [logged] = conf.must(ACTORS.secretary, { type: 'comment.log', speechId, kind: 'agree', text: 'Đồng ý' });
    const id = logged?.type === 'comment.logged' ? logged.payload.commentId : '';
    conf.must(ACTORS.secretary, { type: 'comment.edit', commentId: id, kind: 'supplement', articles: [{ article: 3 }] });
    expect(conf.state.comments.get(id)).toMatchObject({ kind: 'supplement', text: 'Đồng ý', articles: [{ article: 3 }] });
    conf.must(ACTORS.secretary, { type: 'comment.retract', commentId: id });
    expect(conf.state.comments.get(id)?.retracted).toBe(true);
    expect(conf.run(ACTORS.secretary, { type: 'comment.edit', commentId: id, text: 'y' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('C5: a point sends written comments for itself only, and cannot log spoken ones', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.thaiNguyen, { type: 'comment.log', pointId: 'thai-nguyen', kind: 'propose', text: 'Bổ sung', source: 'written', articles: [{ article: 2 }] });
    expect(conf.run(ACTORS.thaiNguyen, { type: 'comment.log', pointId: 'ha-giang', kind: 'propose', text: 'x', source: 'written' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(conf.run(ACTORS.thaiNguyen, { type: 'comment.log', pointId: 'thai-nguyen', kind: 'propose', text: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('C6: editing a comment that does not exist is NOT_FOUND', () => {
    const conf = new FixtureConference();
    expect(conf.run(ACTORS.secretary, { type: 'comment.edit', commentId: 'nope', text: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('responses and merges', () => {
  function twoComments() {
    const { conf, speechId } = withSpeech();
    const [w] = conf.must(ACTORS.thaiNguyen, { type: 'comment.log', pointId: 'thai-nguyen', kind: 'amend', text: 'Văn bản: sửa Điều 2', source: 'written', articles: [{ article: 2 }] });
    const [s] = conf.must(ACTORS.secretary, { type: 'comment.log', speechId, kind: 'amend', text: 'Phát biểu: sửa Điều 2', articles: [{ article: 2 }, { article: 3 }] });
    const id = (e: typeof w) => (e?.type === 'comment.logged' ? e.payload.commentId : '');
    return { conf, written: id(w), spoken: id(s) };
  }

  it('C7: the organiser records the drafting team response; explaining needs a text; it replaces an earlier one', () => {
    const { conf, written } = twoComments();
    expect(conf.run(ACTORS.organiser, { type: 'comment.respond', commentId: written, status: 'explained' })).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    conf.must(ACTORS.organiser, { type: 'comment.respond', commentId: written, status: 'partly', explanation: 'Tiếp thu một phần' });
    conf.must(ACTORS.organiser, { type: 'comment.respond', commentId: written, status: 'accepted' });
    expect(conf.state.comments.get(written)?.response).toMatchObject({ status: 'accepted', respondedBy: { role: 'organiser' } });
  });

  it('C8: a spoken comment repeating a written one is merged into it; the kept one gets both articles', () => {
    const { conf, written, spoken } = twoComments();
    conf.must(ACTORS.secretary, { type: 'comment.merge', commentId: spoken, intoId: written });
    expect(conf.state.comments.get(spoken)?.mergedInto).toBe(written);
    expect(conf.state.comments.get(written)).toMatchObject({ mergedFrom: [spoken], articles: [{ article: 2 }, { article: 3 }] });
  });

  it('C9: merges refuse self, chains, other points, and answered duplicates', () => {
    const { conf, written, spoken } = twoComments();
    expect(conf.run(ACTORS.secretary, { type: 'comment.merge', commentId: written, intoId: written })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    conf.must(ACTORS.organiser, { type: 'comment.respond', commentId: spoken, status: 'accepted' });
    expect(conf.run(ACTORS.secretary, { type: 'comment.merge', commentId: spoken, intoId: written })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const [other] = conf.must(ACTORS.chair, { type: 'comment.log', pointId: 'ha-giang', kind: 'agree', text: 'Hà Giang' });
    const otherId = other?.type === 'comment.logged' ? other.payload.commentId : '';
    expect(conf.run(ACTORS.secretary, { type: 'comment.merge', commentId: otherId, intoId: written })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
