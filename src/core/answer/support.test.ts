import { describe, expect, it } from 'vitest';
import { passageTerms, sentenceSupport, sourceTerms } from './support';

const passage = { text: 'DeepSeekの開発コストは600万ドル以下とされる。', section: '1――中国の生成AI' };

describe('support of a sentence by its passages', () => {
  it('holds a sentence whose terms the passage holds, and not one that adds its own', () => {
    const terms = [passageTerms(passage)];
    expect(sentenceSupport('DeepSeekの開発コストは低い[1]。', terms)).toMatchObject({ checked: true, supported: true, complete: true });
    expect(sentenceSupport('DeepSeekは火星で創業された[1]。', terms)).toMatchObject({ checked: true, supported: false, missing: ['火星', '創業'] });
  });

  it('computes a passage\'s terms once, and again only for a different rendering', () => {
    const first = passageTerms(passage);
    expect(passageTerms(passage)).toBe(first);
    expect(first).toEqual(sourceTerms({ text: `${passage.text}\n${passage.section}` }));
    const rendered = passageTerms(passage, 'DeepSeek development cost under 6 million dollars.');
    expect(rendered).not.toBe(first);
    expect(rendered.hasRendering).toBe(true);
    expect(passageTerms(passage, 'DeepSeek development cost under 6 million dollars.')).toBe(rendered);
  });

  it('says when an English sentence could be compared only by its names', () => {
    const s = sentenceSupport('DeepSeek keeps its costs low [1].', [passageTerms(passage)]);
    expect(s).toMatchObject({ checked: true, supported: true, complete: false });
  });
});
