import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLang, leadingTokens, MAX_QUERY_CHARS, MAX_QUERY_TOKENS, MAX_SEGMENTED_CHARS, MAX_STEMMED_CHARS, normalize, stem, tokenize } from './tokenize';

const report = readFileSync(new URL('../../../corpus/deepseek-shock-china-nli-2025.txt', import.meta.url), 'utf8');

describe('tokenize', () => {
  it('NFKC-normalises and lower-cases full-width letters and digits', () => {
    expect(tokenize('ＡＩ １ ＤｅｅｐＳｅｅｋ')).toEqual(['ai', '1', 'deepseek']);
  });

  it('gives every bigram of a kanji run, plus the segmenter word when it is not a bigram', () => {
    const tokens = tokenize('自立自強');
    expect(tokens).toEqual(expect.arrayContaining(['自立', '立自', '自強']));
    expect(tokens.filter((t) => t === '自立')).toHaveLength(1);
  });

  it('gives the unigram of a one-character run exactly once', () => {
    expect(tokenize('R1 驚 AI').filter((t) => t === '驚')).toHaveLength(1);
    expect(tokenize('R1米、AI国')).toEqual(['r1', '米', 'ai', '国']);
  });

  it('drops compound particles (に対して, に関する) and the pairs inside them', () => {
    const tokens = tokenize('港町は漁協に対して補助金を出した');
    for (const t of ['に対して', '対し']) expect(tokens).not.toContain(t);
    expect(tokens).toEqual(expect.arrayContaining(['漁協', '補助']));
  });

  it('drops particles, pure-hiragana bigrams and punctuation', () => {
    const tokens = tokenize('米国は中国を、「生成AI」で。');
    for (const dropped of ['は', 'を', 'で', '、', '「', '」', '。']) expect(tokens).not.toContain(dropped);
    expect(tokens).toEqual(expect.arrayContaining(['米国', '中国', '生成', 'ai']));
    expect(tokenize('されている')).toEqual([]);
  });

  it('drops casual question words (なんで, どっち) as it drops なぜ', () => {
    expect(tokenize('港はなんで閉じたの')).toEqual(['港', '閉', '閉じ']);
    expect(tokenize('どっちの港が大きい')).not.toContain('どっち');
  });

  it('keeps katakana words (as the segmenter cuts them) and their bigrams', () => {
    expect(tokenize('データセンター')).toEqual(['データ', 'センター', 'デー', 'ータ', 'タセ', 'セン', 'ンタ', 'ター']);
  });

  it('lower-cases, stems and drops English stop words', () => {
    expect(tokenize("What are China's export controls on the chips?")).toEqual(['china', 'export', 'control', 'chip']);
  });

  it('reads a name of two or three Latin words within Japanese text joined as well (Open AI as OpenAI)', () => {
    expect(tokenize('Open AIが禁じた')).toEqual(expect.arrayContaining(['openai', 'open', 'ai']));
    expect(tokenize('Chat GPTを提供している')).toContain(tokenize('ChatGPTを提供している').find((t) => /^[a-z]/.test(t)));
    // A list is not a name, a title of many words is a phrase, and English text is read word by word.
    expect(tokenize('（Baidu、Alibaba、Tencent）').filter((t) => /^[a-z]/.test(t))).toEqual(['baidu', 'alibaba', 'tencent']);
    expect(tokenize('「National AI Research and Development Plan」')).not.toContain('nationalai');
    expect(tokenize('What did Open AI say?')).toEqual(['open', 'ai', 'say']);
  });

  it('reads the United States written US, U.S. or USA as its name, and "us" as a pronoun', () => {
    for (const text of ['US export controls', 'U.S. export controls', 'USA export controls', 'United States export controls']) expect(tokenize(text), text).toEqual(['unit', 'state', 'export', 'control']);
    expect(tokenize('Tell us about export controls')).toEqual(['tell', 'export', 'control']);
  });

  it('keeps numbers whole, including decimals and thousands separators', () => {
    expect(tokenize('2016年、56.3％、5,381棟、o1-1217')).toEqual(
      expect.arrayContaining(['2016', '56.3', '5381', 'o1', '1217']),
    );
  });

  it('reads tenths written with 割 as the percentage they are, and leaves 割 as a word alone', () => {
    expect(tokenize('売上の6割')).toContain('60');
    expect(tokenize('6割')).toEqual(tokenize('60％'));
    expect(tokenize('2.5割強')).toContain('25');
    expect(tokenize('割合と割引')).toEqual(expect.arrayContaining(['割合', '割引']));
  });

  it('joins CJK text broken by a line wrap', () => {
    expect(normalize('盛ん\nに報じ')).toBe('盛んに報じ');
    expect(tokenize('盛ん\n報じる')).toContain('ん報');
    expect(normalize('生成 AI')).toBe('生成 ai');
  });

  it('tokenises the whole report quickly into clean tokens', () => {
    const started = performance.now();
    const tokens = tokenize(report);
    const elapsed = performance.now() - started;
    expect(tokens).toEqual(expect.arrayContaining(['deepseek', 'ジニ', '係数', '戸籍', '農民', '民工', 'h100', '2025']));
    expect(tokens.some((t) => /[\s、。「」（）・]/u.test(t))).toBe(false);
    expect(elapsed).toBeLessThan(1000);
  });

  it('is deterministic', () => {
    expect(tokenize(report.slice(0, 2000))).toEqual(tokenize(report.slice(0, 2000)));
  });
});

describe('stem', () => {
  it.each([
    [['policy', 'policies'], 'policy'],
    [['chip', 'chips'], 'chip'],
    [['company', 'companies', "company's"], 'company'],
    [['develop', 'developed', 'developing'], 'develop'],
    [['rank', 'ranking', 'rankings', 'ranked'], 'rank'],
    [['use', 'used', 'using', 'uses'], 'use'],
    [['run', 'running'], 'run'],
    [['tax', 'taxes'], 'tax'],
  ])('joins %j', (forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it('leaves words that only look inflected', () => {
    expect(stem('news')).toBe('news');
    expect(stem('status')).toBe('status');
    expect(stem('us')).toBe('us');
    expect(stem('thing')).toBe('thing');
    expect(stem('h100')).toBe('h100');
  });
});

describe('detectLang', () => {
  it('reads Japanese questions as Japanese even with English names in them', () => {
    expect(detectLang('米国はいつからAIを政策の重点に位置づけたか？')).toBe('ja');
    expect(detectLang('Ascend 910Cの性能に関する報道の出典は？')).toBe('ja');
    expect(detectLang('DeepSeek-R1はいつ公開されましたか？')).toBe('ja');
    expect(detectLang('Oncorhynchus ketaを日本語で？')).toBe('ja');
    expect(detectLang('Ein hypermoderner Dirigentを日本で言うと')).toBe('ja');
  });

  it('reads English questions as English even when they quote a Japanese term', () => {
    expect(detectLang('When was DeepSeek-R1 released to the public?')).toBe('en');
    expect(detectLang('What does 自立自強 mean?')).toBe('en');
    expect(detectLang('2025')).toBe('en');
  });
});

describe('length bounds', () => {
  it('stems words up to MAX_STEMMED_CHARS and keeps longer ones as written', () => {
    const word = 'chips'.padStart(MAX_STEMMED_CHARS, 'a');
    expect(stem(word)).toBe(word.slice(0, -1));
    const long = `${'a'.repeat(2000)}chips`;
    expect(stem(long)).toBe(long);
    expect(tokenize(`the ${long} chips`)).toEqual([long, 'chip']);
  });

  it('reads a question by its first MAX_QUERY_TOKENS tokens, cut between words', () => {
    expect(leadingTokens('What are the export controls on chips?')).toBe('What are the export controls on chips?');
    const list = Array.from({ length: 260 }, (_, i) => `${String.fromCharCode(97 + Math.floor(i / 10))}${i % 10}`);
    const words = list.join(' ');
    const cut = leadingTokens(words);
    expect(words.startsWith(cut)).toBe(true);
    expect(tokenize(cut)).toHaveLength(MAX_QUERY_TOKENS);
    expect(cut.endsWith(` ${list[MAX_QUERY_TOKENS - 1]}`)).toBe(true);
  });

  it('cuts a run without spaces (Japanese) inside it, to at most the budget', () => {
    const run = '半導体の輸出規制と投資'.repeat(200);
    const cut = leadingTokens(run);
    expect(run.startsWith(cut)).toBe(true);
    expect(cut.length).toBeGreaterThan(100);
    expect(tokenize(cut).length).toBeLessThanOrEqual(MAX_QUERY_TOKENS);
    expect(leadingTokens('半導体の輸出規制は？')).toBe('半導体の輸出規制は？');
  });

  it('reads at most MAX_QUERY_CHARS characters, whatever the tokens', () => {
    const kana = 'あいうえお'.repeat(400);
    expect(leadingTokens(kana)).toBe(kana.slice(0, MAX_QUERY_CHARS));
    expect(leadingTokens(`${'あ'.repeat(MAX_QUERY_CHARS - 1)}😀😀`)).toBe(`${'あ'.repeat(MAX_QUERY_CHARS - 1)}😀`);
  });

  it('segments a run past MAX_SEGMENTED_CHARS in pieces, giving the same bigrams', () => {
    const run = '経済成長投資輸出政策産業'.repeat(40);
    const tokens = tokenize(run);
    const bigrams = [...run].slice(1).map((c, i) => run[i] + c);
    for (const b of new Set(bigrams)) expect(tokens).toContain(b);
    expect(tokenize('経済成長投資輸出政策産業')).toEqual(tokenize('経済成長投資輸出政策産業'.slice(0, MAX_SEGMENTED_CHARS)));
  });
});
