import { describe, expect, it } from 'vitest';
import { questionSlot, slotFit, squash } from './slot';

describe('questionSlot', () => {
  it('takes the wording on either side of the interrogative, particles and the question ending aside', () => {
    expect(questionSlot('その画面はいつ初めて目撃されたか？')).toEqual({ before: 'その画面は', after: '初めて目撃さ' });
    expect(questionSlot('灯台を建てたのは誰ですか')).toEqual({ before: 'を建てたのは', after: '' });
  });

  it('puts the slot at the end of a question that asks with 「…は？」', () => {
    expect(questionSlot('北の港町の名物は？')).toEqual({ before: '港町の名物は', after: '' });
  });

  it('has no slot for an English question', () => {
    expect(questionSlot('When was the tower built?')).toBeUndefined();
  });
});

describe('slotFit', () => {
  const slot = questionSlot('その画面はいつ初めて目撃されたか？');
  it('is high for the sentence that keeps the wording around the value it gives', () => {
    const [, after] = slotFit(slot, squash('この画面は2005年に初めて目撃された。'));
    expect(after).toBe(1);
  });
  it('is low for a sentence that shares none of it', () => {
    expect(slotFit(slot, squash('港には古い倉庫が並ぶ。'))).toEqual([0, 0]);
  });
});
