import { selectArticleChain } from './articleSequence';

const chain = (numbers: number[], strong = true) =>
  [...selectArticleChain(numbers.map((number, at) => ({ at, number, strong, hasBody: true })))].sort((a, b) => a - b);

describe('article sequence', () => {
  it('P4: keeps the increasing run and drops a number far off it', () => {
    expect(chain([1, 2, 3, 40, 4, 5])).toEqual([0, 1, 2, 4, 5]);
  });

  it('P4: a line jumping ahead does not hide the articles it skips', () => {
    expect(chain([1, 2, 6, 3, 4, 5, 6, 7])).toEqual([0, 1, 3, 4, 5, 6, 7]);
  });

  it('P4: accepts a small gap and a repeated heading', () => {
    expect(chain([1, 2, 4, 4, 5])).toEqual([0, 1, 2, 3, 4]);
  });

  it('P4: a repeat written as running text ("Điều 4 Luật …") is not taken', () => {
    const candidates = [
      { at: 0, number: 1, strong: true, hasBody: true },
      { at: 1, number: 2, strong: true, hasBody: true },
      { at: 2, number: 2, strong: false, hasBody: true },
      { at: 3, number: 3, strong: true, hasBody: true },
    ];
    expect([...selectArticleChain(candidates)].sort()).toEqual([0, 1, 3]);
  });

  it('P4: articles with text win over a table of contents listing the same headings', () => {
    const toc = [1, 2, 3].map((number, at) => ({ at, number, strong: true, hasBody: false }));
    const body = [1, 2, 3].map((number, i) => ({ at: 10 + i, number, strong: true, hasBody: true }));
    expect([...selectArticleChain([...toc, ...body])].sort((a, b) => a - b)).toEqual([10, 11, 12]);
  });

  it('P4: an excerpt may start at any number', () => {
    expect(chain([50, 51, 52])).toEqual([0, 1, 2]);
  });
});
