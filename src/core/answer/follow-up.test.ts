import { describe, expect, it } from 'vitest';
import type { Turn } from '../types';
import { needsConversation, ownWords, readFollowUp, readTurn } from './follow-up';

/** A made-up conversation: one question and the answer it got. */
const after = (question: string, answer: string): Turn[] => [
  { role: 'user', content: question },
  { role: 'assistant', content: answer, citations: ['p1'] },
];
const ja = after('中国の戸籍制度とは？', '戸籍制度は都市と農村で住民を分け、農村出身者の移動を制限してきた。[1]');
const en = after('Which countries banned the app?', 'Italy and South Korea banned the app on government devices.[1]');

describe('a question that stands on its own is read on its own', () => {
  it.each([
    ["What's a good recipe for ramen?", en, 'en'],
    ['Capital of France?', en, 'en'],
    ["What's the weather like this week?", en, 'en'],
    ['What is this report about?', en, 'en'],
    ['How large are data centres in Japan?', en, 'en'],
    ['東京の明日の天気は？', ja, 'ja'],
    ['ラーメンの作り方は？', ja, 'ja'],
    ['データセンターの数は？', ja, 'ja'],
    ['このレポートの要点を3つにまとめてください', ja, 'ja'],
  ] as const)('%s', (question, history, lang) => {
    expect(readFollowUp(question, lang, history, false)).toBeUndefined();
  });
});

describe('a question that needs the conversation is read with it', () => {
  it.each([
    ['Why?', en, 'en', 'context'],
    ['When was it released?', en, 'en', 'context'],
    ['Why did they ban it?', en, 'en', 'context'],
    ['What are the risks?', en, 'en', 'context'],
    ['What about India?', en, 'en', 'subject'],
    ['その理由は？', ja, 'ja', 'context'],
    ['気をつけるべき点は？', ja, 'ja', 'context'],
    ['農村出身者への影響は？', ja, 'ja', 'context'],
    ['日本は？', ja, 'ja', 'subject'],
  ] as const)('%s', (question, history, lang, kind) => {
    expect(readFollowUp(question, lang, history, false)?.kind).toBe(kind);
  });

  it('reads a short source question against what was cited, and a source question naming its own claim alone', () => {
    expect(readFollowUp('その出典は？', 'ja', ja, true)?.kind).toBe('source');
    expect(readFollowUp("Where's that from?", 'en', en, true)?.kind).toBe('source');
    expect(readFollowUp('What is the source for the chip export figures?', 'en', en, true)).toBeUndefined();
  });
});

describe('own words', () => {
  it('are the words the conversation has not used, in any inflection, aspect and question words aside', () => {
    expect(ownWords('Why did they ban it?', 'en', 'Italy banned the app.')).toEqual([]);
    expect(ownWords('規制の影響は？', 'ja', '規制強化が続いた。')).toEqual([]);
    expect(ownWords('ラーメンの影響は？', 'ja', '規制強化が続いた。')).toEqual(['ラーメン']);
    expect(ownWords('What is the capital of France?', 'en', '')).toEqual(['capital', 'France']);
  });

  it('a pronoun that determines a word of the question does not point back', () => {
    expect(needsConversation('What is this report about?', 'en', 'Italy banned the app.')).toBe(false);
    expect(needsConversation('What is it about?', 'en', 'Italy banned the app.')).toBe(true);
  });
});

describe('asking for more', () => {
  it('carries what the answers before the last one said, which the reader has read too', () => {
    const history = [...after('港の計画とは？', '港は2015年に計画を定めた。[1]'), { role: 'user' as const, content: 'もっと詳しく' }, { role: 'assistant' as const, content: '岸壁を延ばす工事が続いている。[1]' }];
    const f = readFollowUp('もっと詳しく', 'ja', history, false);
    expect(f?.kind).toBe('more');
    expect(f?.earlier).toContain('港は2015年に計画を定めた');
    expect(f?.earlier).not.toContain('岸壁を延ばす');
    // The conversation's question is the one that asked something, not the "more" before.
    expect(f?.asked).toBe('港の計画とは？');
  });

  it('reads もっと詳しく, 続けて and 続きは？ as a request to go on, in either wording', () => {
    for (const q of ['もっと詳しく', '続けて', '続きは？', 'その続きを教えて']) expect(readFollowUp(q, 'ja', ja, false)?.kind, q).toBe('more');
    expect(readFollowUp('Tell me more.', 'en', en, false)?.kind).toBe('more');
    expect(readFollowUp('Can you go into more detail?', 'en', en, false)?.kind).toBe('more');
    for (const q of ['Could you expand on that?']) expect(readFollowUp(q, 'en', en, false)?.kind, q).toBe('more');
    for (const q of ['もう少し教えて', 'もうちょっと説明して']) expect(readFollowUp(q, 'ja', ja, false)?.kind, q).toBe('more');
  });

  it('reads "what else?" and 他には？ as asking beyond what was shown, but not a question with words of its own (他に疑ってる人は？)', () => {
    for (const q of ['what else?', 'Anything else?', 'And what else does the report say?']) expect(readFollowUp(q, 'en', en, false)?.kind, q).toBe('more');
    for (const q of ['他には？', 'ほかに何かある？', '他にもある？']) expect(readFollowUp(q, 'ja', ja, false)?.kind, q).toBe('more');
    expect(readFollowUp('他に疑ってる人はいる？', 'ja', ja, false)?.kind).not.toBe('more');
    expect(readFollowUp('What else did the town build?', 'en', en, false)?.kind).not.toBe('more');
  });
});

describe('a question tied to the one before', () => {
  it('by a lead-in conjunction or a possessive is read with it, whatever it names', () => {
    expect(readFollowUp("And what's the real cost if you count hardware and GPUs?", 'en', en, false)?.kind).toBe('context');
    expect(readFollowUp('what are its target years?', 'en', en, false)?.kind).toBe('context');
    expect(readFollowUp('Where does that claim come from?', 'en', en, true)?.kind).toBe('source');
    expect(readFollowUp('では日本企業はどうすべき？', 'ja', ja, false)?.kind).toBe('context');
  });
});

describe('a question that may leave its subject unsaid', () => {
  const plan = after('「海の道」計画とは？', '2014年に「海の道」計画へと名を改めて再び始動した。[1]');
  it('names at most one word of its own and may be read with the conversation', () => {
    expect(readTurn('名前が変わったのはいつ？', 'ja', plan, false).mayFollow?.kind).toBe('context');
    expect(readTurn('How big?', 'en', en, false).mayFollow?.kind).toBe('context');
  });

  it('is not when it names more of its own, asks for a source, already follows, or nothing came before', () => {
    expect(readTurn('東京の明日の天気は？', 'ja', plan, false).mayFollow).toBeUndefined();
    expect(readTurn('名前の出典は？', 'ja', plan, true).mayFollow).toBeUndefined();
    expect(readTurn('その理由は？', 'ja', plan, false).mayFollow).toBeUndefined();
    expect(readTurn('名前が変わったのはいつ？', 'ja', [], false).mayFollow).toBeUndefined();
  });
});
