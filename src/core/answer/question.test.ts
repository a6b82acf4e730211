import { describe, expect, it } from 'vitest';
import { analyseQuery, asksForSource, footnoteNumbersIn } from './question';

describe('footnote intent', () => {
  it('finds footnote numbers in Japanese and English forms, ordinals included', () => {
    expect(footnoteNumbersIn('脚注9の出典は？')).toEqual([9]);
    expect(footnoteNumbersIn('注２０の内容を教えて')).toEqual([20]);
    expect(footnoteNumbersIn('８番目の脚注で触れられている会議は？')).toEqual([8]);
    expect(footnoteNumbersIn('What does footnote 14 say?')).toEqual([14]);
    expect(footnoteNumbersIn('show note 3 and fn. 4')).toEqual([3, 4]);
    expect(footnoteNumbersIn('Can you explain the tenth footnote?')).toEqual([10]);
    expect(footnoteNumbersIn('the 2nd note')).toEqual([2]);
    expect(footnoteNumbersIn('2025年に注目された')).toEqual([]);
    expect(footnoteNumbersIn('What happened in 2016?')).toEqual([]);
  });

  it('recognises source questions', () => {
    for (const q of ['R1の価格情報の出典URLは？', 'この記述の根拠は？', '指摘の出どころを教えて', 'その評価の元ネタは？', 'その話のネタ元は？', 'それって何か裏付けがあるの？', 'そのデータって、どこの調べ？', 'それは誰の発表に基づいてるの？', 'その数字は何に基づいてるの？', "Who's saying that?", 'What is the source for the pricing?', 'Which article reported it?', "Where's that from?", "What's the evidence for that?", 'What is that based on?']) expect(asksForSource(q)).toBe(true);
    for (const q of ['ジニ係数は最近どうなっているか？', 'When was R1 released?']) expect(asksForSource(q)).toBe(false);
    // A URL or a link the question speaks of is not one it asks for.
    for (const q of ['サイトの一覧のURLに何をつけたのが原因か？', 'リンク切れはなぜ起きた？']) expect(asksForSource(q)).toBe(false);
    for (const q of ['そのURLは？', 'リンクを教えて']) expect(asksForSource(q)).toBe(true);
    // Casual: where the information or the data is from.
    for (const q of ['その話、どこ情報？', 'その数字はどこのデータ？', 'どこの情報なの？']) expect(asksForSource(q)).toBe(true);
    // Who says a claim is where it comes from; who did a thing is a person.
    for (const q of ['その評価、誰が言ってるの？', '誰がそう言ってるの？', 'Who says the cost was higher?']) expect(asksForSource(q)).toBe(true);
    for (const q of ['誰が座談会に出席した？', 'Who founded the company?']) expect(asksForSource(q)).toBe(false);
  });
});

describe('expected answer', () => {
  it.each([
    ['R1はいつ公開されたか？', 'date'],
    ['When was DeepSeek-R1 released?', 'date'],
    ['データセンターの数は何棟？', 'count'],
    ['How many data centers are there in Japan?', 'count'],
    ['開発費はいくら？', 'amount'],
    ['What share of Americans had tried it?', 'percent'],
    ['座談会に誰が出た？', 'person'],
    ['なぜ格差の拡大はまずいのか', 'reason'],
    ['How did the startup get strong results?', 'method'],
    ['このレポートの結論は？', 'overview'],
    ['Summarize the report in three points', 'overview'],
    ['What does the report say about Japan?', 'overview'],
    ['Is the Western response entirely hostile?', 'yesno'],
  ])('%s → %s', (question, type) => {
    expect(analyseQuery(question).expected.type).toBe(type);
  });

  // The aspects of a topic (its risks, its opportunities, what it must do, how it is affected)
  // are gathered across the report: an overview of the topic, not one sentence.
  it.each([
    'What are the main risks for the town?',
    'What are the biggest downsides or risks for farmers?',
    'How will the new port change the fishing industry?',
    '観光業にとってのチャンスとリスクは？',
    '漁業への影響は？',
    '新しい港は漁業にどう影響する？',
    '町がこれから取り組むべき課題は何？',
    '漁業にとっての主なリスクは？',
    '観光業のチャンスは？',
    '町は何をすべき？',
    'What should the town do?',
  ])('%s → overview', (question) => {
    expect(analyseQuery(question).expected.type).toBe('overview');
  });

  it.each([
    ['港の建設費はいくらかかったと書いてある？', 'amount'],
    ['What risk does the survey name first?', 'list'],
    ['How much will the new port change fares?', 'amount'],
  ])('an aspect word in a question for one fact keeps the fact: %s → %s', (question, type) => {
    expect(analyseQuery(question).expected.type).toBe(type);
  });
});

describe('follow-ups', () => {
  const turn = (content: string, citations?: string[]) => [
    { role: 'user' as const, content },
    { role: 'assistant' as const, content: '…[1]', ...(citations ? { citations } : {}) },
  ];

  it('reads a new subject after a question about another one', () => {
    const ja = analyseQuery('日本は？', turn('中国で生成AIを使ったことがある人の割合はどれくらい？'));
    expect(ja.followUp).toMatchObject({ kind: 'subject', subject: '日本' });
    expect(ja.expected.type).toBe('percent');
    const en = analyseQuery('And Germany?', turn('What percentage of people in China have used generative AI?'));
    expect(en.followUp).toMatchObject({ kind: 'subject', subject: 'Germany' });
    expect(analyseQuery('What about emerging economies?', turn('How have Western governments reacted?')).followUp?.subject).toBe('emerging economies');
  });

  it('reads "more", "its source" and aspect questions with the turn before', () => {
    expect(analyseQuery('もっと詳しく', turn('ジニ係数は？', ['p1'])).followUp).toMatchObject({ kind: 'more', cited: ['p1'] });
    expect(analyseQuery('Tell me more.', turn('What about chips?')).followUp?.kind).toBe('more');
    const source = analyseQuery('その出典は？', turn('DeepSeekの開発費は本当に600万ドル以下なのか？'));
    expect(source.followUp?.kind).toBe('source');
    expect(source.wantsSource).toBe(true);
    expect(analyseQuery("Where's that from?", turn('How did the chip do?')).followUp?.kind).toBe('source');
    expect(analyseQuery('理由は？', turn('米国の規制は中国を止めるか？')).followUp?.kind).toBe('context');
    expect(analyseQuery('Why?', turn('Will the curbs stop China?')).followUp?.kind).toBe('context');
    const detail = analyseQuery('もう少し詳しく。規制的な要素としては何がある？', turn('中国のAI政策は規制寄り？'));
    expect(detail.followUp?.kind).toBe('context');
    expect(detail.focus).toBe('規制的な要素としては何がある?');
  });

  it('reads a standalone question alone, and nothing as a follow-up without history', () => {
    expect(analyseQuery('中国のジニ係数は2000年代後半からどう推移したか？', turn('DeepSeekとは？')).followUp).toBeUndefined();
    expect(analyseQuery('その出典は？').followUp).toBeUndefined();
    expect(analyseQuery('脚注3の内容は？', turn('x')).followUp).toBeUndefined();
  });

  it('bounds what an earlier turn contributes', () => {
    const a = analyseQuery('日本は？', turn('長い質問'.repeat(2000)));
    expect(a.context!.length).toBeLessThanOrEqual(400);
  });
});
