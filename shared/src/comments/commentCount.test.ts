import { ACTORS, FixtureConference } from '../testing/conferenceFixture';
import { buildMinutes } from '../reports/buildMinutes';
import { buildSynthesis } from '../reports/buildSynthesis';
import { commentTally } from './commentCount';

describe('the comments that count', () => {
  it('C11: retracted and merged comments are counted apart, and the reports count the same comments', () => {
    const conf = new FixtureConference();
    conf.must(ACTORS.chair, { type: 'conference.start' });
    const log = (text: string) => {
      const events = conf.must(ACTORS.secretary, { type: 'comment.log', articles: [{ article: 1 }], kind: 'propose', text, source: 'spoken', pointId: 'thai-nguyen' });
      const e = events[0];
      return e?.type === 'comment.logged' ? e.payload.commentId : '';
    };
    const written = conf.must(ACTORS.thaiNguyen, { type: 'comment.log', articles: [{ article: 1 }], kind: 'propose', text: 'Góp ý bằng văn bản', source: 'written', pointId: 'thai-nguyen' })[0];
    const kept = written?.type === 'comment.logged' ? written.payload.commentId : '';
    const repeat = log('Nhắc lại ý kiến bằng văn bản');
    const dropped = log('Ghi nhầm');
    log('Ý kiến thứ tư');
    conf.must(ACTORS.secretary, { type: 'comment.retract', commentId: dropped });
    conf.must(ACTORS.secretary, { type: 'comment.merge', commentId: repeat, intoId: kept });
    expect(commentTally(conf.state)).toEqual({ counted: 2, retracted: 1, merged: 1 });
    expect(buildMinutes(conf.log)?.overall.comments).toBe(2);
    expect(buildSynthesis(conf.state).summary.total).toBe(2);
  });
});
