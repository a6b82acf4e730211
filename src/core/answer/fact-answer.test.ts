import { beforeAll, describe, expect, it } from 'vitest';
import type { QaEngine } from '../engine';
import { ask, markdownEngine } from '../../../test/helpers/markdown-engine';

/** A five-sentence report of a town that does not exist, with one footnote. */
const harbourJa = `# 架空の港町ミナトの経済

## 漁業

ミナト港の2019年の漁獲量は1万2000トンに達した[^1]。漁業協同組合の組合員は約300人である。主な魚種はサバとイワシだ。

## 観光

観光客は夏に多く、冬には少ない。町は新しい水族館の建設を計画している。

[^1]: 水産庁「漁業統計年報」2020年。https://example.org/fisheries
`;

const harbourEn = `# The economy of Minato, a harbour town

## Fishing

Minato harbour landed 12,000 tonnes of fish in 2019[^1]. The fishing cooperative has about 300 members. Mackerel and sardine are the main catch.

## Tourism

Visitors come mostly in summer and few in winter. The town plans to build a new aquarium.

[^1]: Fisheries Agency, "Annual fisheries statistics", 2020. https://example.org/fisheries
`;

/** A question asked of a report written for one test. */
const askReport = async (markdown: string, question: string) => ask(await markdownEngine(markdown), question);

describe('fact answers on a made-up Japanese report', () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await markdownEngine(harbourJa);
  });

  it('answers a stated figure with the sentence that states it first, and the footnote behind it', async () => {
    const a = await ask(engine, 'ミナト港の2019年の漁獲量はどれくらいですか？');
    expect(a.status).toBe('answered');
    expect(a.answer.split('。')[0]).toContain('1万2000トン');
    expect(a.footnotes.map((f) => f.urls).flat()).toContain('https://example.org/fisheries');
  });

  it("quotes the footnote that gives the figure for what the question names, beside the claim's figure for another", async () => {
    const a = await askReport(`# 架空の港町の調査

## 観光

港町の観光調査によれば、「昨年、港町を訪れた」と答えた人の割合は、隣町が42.5％と対象地域で最も高い[^1]。観光客の多くは夏に来る。

## 漁業

漁港の組合員は約300人である。山町の漁師も港を使う。

## 山町の暮らし

山町の人口は減っている。山町の学校は一つだけだ。

## 山町の交通

山町と港町はバスで結ばれている。山町の道路は狭い。

[^1]: 以下、山町が31.2％、川町が18.4％となっている（港町観光協会（2024））。
`, '観光調査で昨年港町を訪れたと答えた山町の人の割合は？');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('山町が31.2％');
  });

  it("answers whether something holds with the report's judgement that follows the sentence found", async () => {
    const a = await askReport(`# 架空の港町の財政

## 入港料

港町は来年から大型船の入港料を引き上げる方針だ。引き上げ幅は1隻あたり2万円となる。ただ、値上げは船主に嫌われ、かえって町の財政を苦しめるかもしれない。

## 漁港

漁港の入港料は据え置く方針だ。漁船の数は減り続けている。

## 観光船

観光船の入港料は無料とする方針だ。観光船は夏に増便される。

## 観光

観光客は夏に多く、冬には少ない。町は新しい水族館の建設を計画している。
`, '入港料を引き上げる方針はうまくいくの？');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('かえって町の財政を苦しめるかもしれない');
  });

  it('quotes, beside a decline, what the report says of the name asked about, not of another subject a synonym reached', async () => {
    const a = await askReport(`# 架空の港町の産業

## 倉庫

Acme社は港で大型の倉庫を運営している。倉庫は岸壁の東側に並んでいる。

## 労働

港の労働者は三交代で働いている。港湾の労働者は約300人である。漁協の組合員も減っている。

## 観光

観光客は夏に多く、冬には少ない。町は新しい水族館の建設を計画している。
`, 'Acmeの従業員の平均年齢は？');
    expect(a.status).toBe('not_stated');
    expect(a.answer).toContain('Acme社は港で大型の倉庫を運営している');
    expect(a.answer).not.toContain('労働者');
  });

  it('answers who and how many from the sentence that holds them', async () => {
    const a = await ask(engine, '漁業協同組合の組合員は何人ですか？');
    expect(a.status).toBe('answered');
    expect(a.citations[0]!.quote).toContain('約300人');
  });

  it('knows a name an English question spells in Latin letters that the report writes in katakana', async () => {
    const known = await engine.explain('How many tonnes did Minato harbour land?');
    expect(known.reading?.features.unknownNames).toBe(0);
    const unknown = await engine.explain('How many tonnes did Kesennuma harbour land?');
    expect(unknown.reading?.features.unknownNames).toBeGreaterThan(0);
  });

  it('declines a question on something the report never discusses as not in the report', async () => {
    for (const q of ['東京の明日の天気は？', 'ラーメンのおいしい作り方を教えて']) {
      const a = await ask(engine, q);
      expect(a.status, q).toBe('not_in_report');
      expect(a.grounded).toBe(false);
      expect(a.citations).toEqual([]);
    }
  });
});

describe('fact answers on a made-up English report', () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await markdownEngine(harbourEn);
  });

  it('reads an English report in English: answers in its own words, unlabelled', async () => {
    const a = await ask(engine, 'How many members does the fishing cooperative have?');
    expect(a.status).toBe('answered');
    expect(a.answer).toContain('300 members');
    expect(a.answer).not.toMatch(/Japanese/);
  });

  it('declines what the report does not discuss', async () => {
    const a = await ask(engine, 'Who won the baseball championship last year?');
    expect(a.status).toBe('not_in_report');
  });

  it("keeps a footnote's bibliography in the answer when the question asks about the source it names (when did the Times report it?)", async () => {
    const reported = harbourEn.replace('The town plans to build a new aquarium.', 'The town plans to build a new aquarium. Dredging of the harbour has begun[^2].') + '[^2]: There are reports that dredging of the harbour began ("Dredging begins at Minato." Coast Times, March 3, 2024. https://example.org/dredging).\n';
    const on = await markdownEngine(reported);
    const when = await ask(on, 'When did the Coast Times report the dredging of the harbour?');
    expect(when.status).toBe('answered');
    expect(when.answer).toContain('March 3, 2024');
    // Asked about the fact, not its source, the answer reads as a sentence.
    const what = await ask(on, 'What has begun at the harbour?');
    expect(what.answer).not.toContain('https://');
  });
});

/** A made-up report with two footnoted claims: a tourism figure (note 1) and a fee rise (note 2). */
const feesJa = `# 架空の港町ミナトの経済

## 観光

ミナトの観光客は2019年に50万人に達し、町の総務課がその数を公表した[^1]。観光客は夏に多く、冬には少ない。

## 港の財政

港の使用料は長く据え置かれてきた。町の財務課は2023年に港の使用料を上げた[^2]。使用料の収入は岸壁の補修に充てられる。

[^1]: ミナト町総務課「観光統計」2020年。https://example.org/tourism
[^2]: ミナト町財務課「港湾使用料の改定について」2023年。https://example.org/harbour-fees
`;

describe('source answers', () => {
  let engine: QaEngine;
  beforeAll(async () => {
    engine = await markdownEngine(feesJa);
  });

  it("lead with the source of the claim the question is about, not the report's first footnote", async () => {
    for (const q of ['町の課が公表した使用料の話の出典は？', '財務課が使用料を上げた話、どこ情報？']) {
      const a = await ask(engine, q);
      expect(a.status, q).toBe('answered');
      expect(a.answer, q).toMatch(/^脚注2：/);
      expect(a.footnotes.map((f) => f.n), q).toContain(2);
    }
  });
});

describe('a source answer for a claim that names its own source', () => {
  /** A made-up report: a survey figure attributed in its own words, and a footnoted sentence that repeats the figure. */
  const surveyJa = `# 架空の港町ミナトの観光

## 観光客

町の調査によれば、観光客は2019年に50万人に達した。観光客は夏に多い。

## 観光船

50万人に達した観光客の足として、港の観光船は2023年に増えた[^1]。

[^1]: ミナト町「港の観光統計」2024年。https://example.org/port
`;

  it('leads with the claim (町の調査によれば…), not with the footnote of a sentence beside it', async () => {
    const a = await ask(await markdownEngine(surveyJa), '観光客が50万人に達したという話の出典は？');
    expect(a.answer).toMatch(/^町の調査によれば、観光客は2019年に50万人に達した。/);
  });
});
