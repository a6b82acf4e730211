import { describe, expect, it } from 'vitest';
import { articleMarkdown, holedArticle, offTopic, readSquadFormat, splitArticles, type Article } from './public-sets';

const q = (id: string, question: string, answer: string) => ({ id, question, answers: [{ text: answer, answer_start: 0 }], is_impossible: false });
const file = {
  data: [
    {
      title: 'Tea_house',
      paragraphs: [
        { context: 'Tea house [SEP] The tea house opened in 1901.', qas: [q('a0', 'When did it open?', '1901')] },
        { context: 'Tea house [SEP] Its owner was Mori.', qas: [q('a1', 'Who owned it?', 'Mori')] },
        { context: 'Tea house [SEP] It serves green tea.', qas: [q('a2', 'What does it serve?', 'green tea')] },
        { context: 'Tea house [SEP] It closed in 1901 for a month.', qas: [q('a3', 'When did it close?', 'a month')] },
      ],
    },
    { title: 'Harbour', paragraphs: [{ context: 'Harbour [SEP] Ships dock here.', qas: [q('b0', 'What docks here?', 'Ships')] }] },
  ],
};

describe('public sets as reports', () => {
  const articles = readSquadFormat(file, 'test', 'en');

  it('drops the title prefix of JSQuAD contexts and writes an article as Markdown', () => {
    expect(articles[0]!.title).toBe('Tea house');
    expect(articles[0]!.paragraphs[0]!.text).toBe('The tea house opened in 1901.');
    expect(articleMarkdown('T', ['a', 'b'])).toBe('# T\n\na\n\nb\n');
  });

  it('splits by article, the same way every time', () => {
    const many: Article[] = Array.from({ length: 200 }, (_, i) => ({ ...articles[1]!, title: `Article ${i}` }));
    const a = splitArticles(many, 0.25, 17);
    const titles = (list: Article[]) => list.map((x) => x.title).sort();
    expect(titles(splitArticles([...many].reverse(), 0.25, 17).validation)).toEqual(titles(a.validation));
    expect(a.validation.length).toBeGreaterThan(30);
    expect(a.validation.length).toBeLessThan(70);
    expect(a.train.some((t) => a.validation.includes(t))).toBe(false);
  });

  it('makes near misses only of questions whose answer is gone from what is left', () => {
    for (let seed = 0; seed < 8; seed++) {
      const [near, kept] = holedArticle(articles[0]!, 4, seed);
      for (const miss of near!.questions) expect(miss.expected).toBe('not_stated');
      // 1901 is also in the last paragraph: removing the first never makes "When did it open?" a near miss.
      expect(near!.questions.map((x) => x.id)).not.toContain(kept!.markdown.includes('1901') ? 'a0' : 'none');
      expect(near!.questions.length + kept!.questions.length).toBeLessThanOrEqual(4);
    }
  });

  it('asks an article questions from the others, never its own', () => {
    const c = offTopic(articles[0]!, articles, 5, 17);
    expect(c.questions.map((x) => x.id)).toEqual(['b0']);
    expect(c.questions[0]!.expected).toBe('not_in_report');
  });
});
