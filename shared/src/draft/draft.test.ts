import { DraftSchema, articlesInOrder } from './draft';

describe('draft tree', () => {
  it('D1: lists articles in draft order across chapters and sections', () => {
    const draft = DraftSchema.parse({
      title: 'Dự thảo',
      chapters: [
        { number: 'I', title: 'A', articles: [{ number: 1, title: 'x' }] },
        { number: 'II', title: 'B', articles: [{ number: 2, title: 'y' }], sections: [{ number: '1', title: 'M', articles: [{ number: 3, title: 'z' }] }] },
      ],
    });
    expect(articlesInOrder(draft).map((p) => p.article.number)).toEqual([1, 2, 3]);
  });
});
