import { describe, expect, it } from 'vitest';
import { countUnit, holdsAnswer, typeEvidence, withoutReferences } from './answer-types';

describe('typeEvidence', () => {
  it('reads how much more / どれくらい安い as a figure, and 何兆元 as an amount', () => {
    expect(typeEvidence('How much cheaper is the new model than the old one?').type).toBe('number');
    expect(typeEvidence('How much water does a plant use?').type).not.toBe('number');
    expect(typeEvidence('旧モデルよりどれくらい安い？').type).toBe('number');
    expect(typeEvidence('市場規模を何兆元にする目標？').type).toBe('amount');
  });

  it('reads casual なんで as why, a population as a count of people, and "which … makers" as organisations', () => {
    expect(typeEvidence('港はなんで閉じたの？').type).toBe('reason');
    // "When it comes to" names a topic, not a time.
    expect(typeEvidence('What does the town worry about when it comes to the port?').type).not.toBe('date');
    expect(typeEvidence('When did the port open?').type).toBe('date');
    // 一時期 (for a while) is no time asked for; 時期 is.
    expect(typeEvidence('港が一時期さびれていたのはなんで？').type).toBe('reason');
    expect(typeEvidence('港が開かれた時期は？').type).toBe('date');
    // The report's argument, put briefly, is its points.
    expect(typeEvidence('このレポートの主張をかいつまんで教えて').type).toBe('overview');
    for (const q of ['このレポートを3行でまとめて', 'Give me the report in three lines.']) expect(typeEvidence(q).type, q).toBe('overview');
    // 一行 is also a travelling party (使節団一行で訪れた), and 銀行で a bank.
    for (const q of ['使節団一行で訪れたのはどこか？', '銀行で働いたのは誰か？', '各頁42行で印刷したのは何年か？']) expect(typeEvidence(q).type, q).not.toBe('overview');
    // How one should act (どう関わればいい, どう対応すべき) asks for a way, as どうすれば does.
    for (const q of ['町はそれにどう関わればいいの？', '漁協はどう対応すべき？', '観光客とどう付き合ったらいい？', '町は港とどう向き合えばいいの？']) expect(typeEvidence(q).type, q).toBe('method');
    for (const q of ["What's the population of the town?", '港町の人口は？']) {
      expect(typeEvidence(q).type, q).toBe('count');
      expect(countUnit(q), q).toBe('people');
    }
    for (const q of ['Which boat makers does the town rely on?', 'Which Japanese car manufacturers opened plants?']) expect(typeEvidence(q).type, q).toBe('organisation');
    expect(typeEvidence('Which boats does the town rely on?').type).not.toBe('organisation');
  });

  it('reads a summary in a number of points as an overview, and "one of" (…の一つに) as a question on a fact', () => {
    expect(typeEvidence('このレポートの要点を3つにまとめてください').type).toBe('overview');
    expect(typeEvidence('要点を三つ挙げて').type).toBe('overview');
    expect(typeEvidence('灯台は港と市場とともに何の一つにあげられる？').type).not.toBe('overview');
    expect(typeEvidence('町の二つの橋の名前は？').type).not.toBe('overview');
    // まとめた / まとめられる describe something gathered; they ask for no summary.
    expect(typeEvidence('点検の項目をまとめた一覧表を何と呼ぶ？').type).not.toBe('overview');
    expect(typeEvidence('規格がまとめられる前からあった考えは？').type).not.toBe('overview');
  });

  it('reads a chapter named by its number as an overview of it, unless a kind of value is asked of it', () => {
    for (const q of ['4章のポイントは？', '第2章には何が書いてある？', "What's in chapter 2?", 'What does the third chapter say?']) expect(typeEvidence(q).type, q).toBe('overview');
    expect(typeEvidence('In chapter 4, which countries banned the app?').type).toBe('place');
    expect(typeEvidence('第2章で触れられている計画は何年に発表された？').type).toBe('date');
  });

  it('reads "the number of X" (Xの数は？, の棟数, 載ってる？ too) as a count, but not 数 inside another phrase', () => {
    for (const q of ['倉庫の数は？', '港町の倉庫の棟数は？', '漁船の数って載ってる？']) expect(typeEvidence(q).type, q).toBe('count');
    expect(typeEvidence('数の面で劣る理由は？').type).toBe('reason');
  });

  it('reads whether the report mentions something (…って話、書いてある？, 載ってる？) as an overview of it, unless a kind of value is asked for', () => {
    for (const q of ['漁業が衰えるって話、レポートに書いてある？', '観光の話は載ってる？', 'レポートに港のことは書かれていますか？', '灯台の話は出てくる？']) expect(typeEvidence(q).type, q).toBe('overview');
    expect(typeEvidence('港の建設費はいくらかかったと書いてある？').type).toBe('amount');
    expect(typeEvidence('補助金が多いって話、どれくらいの額って書いてある？').type).toBe('amount');
    expect(typeEvidence('港はいつ開かれたと書かれていますか？').type).toBe('date');
  });

  it('reads the aspects of a topic (the risks for X, the challenges X faces) as an overview in English as in Japanese', () => {
    for (const q of ['What are the risks for the harbour town?', 'What challenges does the town face?', '港町のリスクは？', '港町にとっての課題は？', '港町の課題を教えてください', '港町が直面している課題は？']) expect(typeEvidence(q).type, q).toBe('overview');
    // Problems as a thing asked about, not as a topic's aspect.
    expect(typeEvidence('What are problems that no ship can solve?').type).not.toBe('overview');
  });

  it('reads a question holding an interrogative as asking for a thing, not for yes or no', () => {
    expect(typeEvidence('灯台は何と呼ばれる建物からなっているのか？').type).not.toBe('yesno');
    expect(typeEvidence('港で一番大きい船は何ですか？').type).not.toBe('yesno');
    expect(typeEvidence('灯台は今も使われているのですか？').type).toBe('yesno');
    expect(typeEvidence('Is the lighthouse still in use?').type).toBe('yesno');
  });

  it('reads whether, or how something stands, as a question with no value to leave out; a thing, a reason or a method can be left out', () => {
    for (const q of ['灯台って今も使われてるって本当？', '港の漁業はこれからどうなりそう？', '港の景気はここ10年でどう変わってきたの？', '灯台は今も使われているのですか？', 'Is the lighthouse still in use?']) expect(typeEvidence(q).discussion, q).toBe(true);
    for (const q of ['港の漁業はどう変わったのは何年？', 'なぜ灯台は閉じられたの？', 'どうやって船を造ったの？', '灯台を建てたのは？', '港の使用料はいくら？', 'How did the port grow?']) expect(typeEvidence(q).discussion, q).toBeUndefined();
  });

  it('reads the aspects of a topic a report sees or identifies as an overview (What downsides of X does the report see for Y?)', () => {
    expect(typeEvidence('What downsides of tourism does the report see for the island?').type).toBe('overview');
    expect(typeEvidence('What risks does the author identify for the port?').type).toBe('overview');
    expect(typeEvidence('Which risk did the storm pose in 2020?').type).not.toBe('overview');
  });

  it('reads …のリスクって何？ as an overview, as …のリスクは？', () => {
    expect(typeEvidence('港町にとってのリスクって何？').type).toBe('overview');
  });

  it('reads a share asked as 何割 as a percentage', () => {
    expect(typeEvidence('灯台の光は何割くらい届く？').type).toBe('percent');
  });

  it('reads a company\'s revenue, profit or budget as an amount, and a coefficient\'s value as a figure', () => {
    expect(typeEvidence("What was the bakery's revenue in 2023?").type).toBe('amount');
    expect(typeEvidence('How large is the town budget?').type).toBe('amount');
    expect(typeEvidence('その会社の売上高はいくら？').type).toBe('amount');
    expect(typeEvidence('県のジニ係数の値はいくつ？').type).toBe('number');
    expect(typeEvidence('What kinds of budget cuts were made?').type).not.toBe('amount');
  });

  it('reads a request for an official name as a question about an organisation that wants its name', () => {
    expect(typeEvidence('その会社の正式な会社名は？')).toMatchObject({ type: 'organisation', nameOf: true });
    expect(typeEvidence("What is the startup's official name?").nameOf).toBe(true);
    expect(typeEvidence('Who founded the startup?').nameOf).toBeUndefined();
  });
});

describe('holdsAnswer', () => {
  it('takes a company for an answer to who (Who developed it?, 誰が開発した？) as well as a person', () => {
    const who = typeEvidence('Who built the new pier?');
    expect(who.type).toBe('person');
    expect(holdsAnswer('The pier was built by Harbour Works Inc. in 2019.', who)).toBe(true);
    expect(holdsAnswer('桟橋は港湾開発株式会社が建てた。', typeEvidence('桟橋を建てたのは誰？'))).toBe(true);
    expect(holdsAnswer('The pier was built in 2019.', who)).toBe(false);
  });

  it('takes only a sentence that introduces something by name for a name asked for as such', () => {
    const asked = typeEvidence('その会社の正式な会社名は？');
    expect(holdsAnswer('港湾開発株式会社は昨年、新しい桟橋を建てた。', asked)).toBe(false);
    expect(holdsAnswer('桟橋は「東湾港湾開発株式会社」、通称ポートワークスが建てた。', asked)).toBe(true);
    expect(holdsAnswer('港湾開発株式会社は昨年、新しい桟橋を建てた。', typeEvidence('桟橋を建てた会社は？'))).toBe(true);
    // A name quoted is a name given (「港湾整備計画」を発表した), asked in everyday words too.
    const plan = typeEvidence('港町が出した計画って、正式にはなんていう名前？');
    expect(plan.nameOf).toBe(true);
    expect(holdsAnswer('桟橋は「東湾港湾開発株式会社」が建てた。', { ...plan, type: 'organisation' })).toBe(true);
  });

  const when = typeEvidence('When was the company founded?');
  it('does not take a figure\'s or a note\'s label for the figure asked', () => {
    const figure = typeEvidence('港の係数の値はいくつ？');
    expect(figure.type).toBe('number');
    expect(holdsAnswer('係数は高い水準のまま横ばいの状況にある（図表3）。', figure)).toBe(false);
    expect(holdsAnswer('The index stayed high (see Figure 2).', figure)).toBe(false);
    expect(holdsAnswer('係数は0.47だった（図表3）。', figure)).toBe(true);
  });

  it('does not take the year of an author-year citation for a date', () => {
    expect(holdsAnswer('性能が高いことが示されている（Zhang（2024））。', when)).toBe(false);
    expect(holdsAnswer('The paper shows it matched the benchmark (Zhang (2024)).', when)).toBe(false);
    expect(holdsAnswer('2024年に発表された。', when)).toBe(true);
  });

  it('takes a span of time for how long, not for when', () => {
    expect(holdsAnswer('公開からはや1カ月が経つ。', when)).toBe(false);
    expect(holdsAnswer('公開からはや1カ月が経つ。', typeEvidence('How long has it been since the launch?'))).toBe(true);
    expect(holdsAnswer('わずか1週間で首位になった。', typeEvidence('何日で首位になった？'))).toBe(true);
  });
});

describe('a number as a value', () => {
  it('is not a decade, a figure label or digits running into letters', () => {
    const value = typeEvidence('What is the latest value of the index?');
    expect(value.type).toBe('number');
    expect(holdsAnswer('It fell from the late 2000s to the late 2010s and has stayed high since (Figure 3).', value)).toBe(false);
    expect(holdsAnswer('The index stood at 0.47 in the latest year.', value)).toBe(true);
  });
});

describe('how precise a date is asked for', () => {
  it('takes a month with or without its day for 何年何月 and 何月, and only a day for 何月何日', () => {
    const month = typeEvidence('その計画は何年何月に出されましたか？');
    expect(month).toMatchObject({ type: 'date', precision: 'month' });
    expect(holdsAnswer('計画は2019年2月に出された。', month)).toBe(true);
    expect(holdsAnswer('計画は2019年に出された。', month)).toBe(false);
    expect(typeEvidence('What month was it released?').precision).toBe('month');
    const day = typeEvidence('座談会は何月何日に開かれた？');
    expect(day.precision).toBe('day');
    expect(holdsAnswer('座談会は2025年2月に開かれた。', day)).toBe(false);
    expect(holdsAnswer('座談会は2月17日に開かれた。', day)).toBe(true);
  });
});

describe('withoutReferences', () => {
  it('cuts the innermost bracket holding an outlet or URL, however deep, and keeps a quoted title around it', () => {
    const text = 'It used the data ("\'$6 million\' is a misunderstanding: 50,000 GPUs held" (36Kr Japan, February 7, 2025, https://36kr.jp/1/); "Data misuse?" (Nikkei (日本経済新聞), January 29, 2025, https://www.nikkei.com/a/)).';
    const plain = withoutReferences(text);
    expect(plain).not.toMatch(/2025|https|January|February/);
    expect(plain).toContain('50,000 GPUs held');
    expect(withoutReferences('上昇した（『日本経済新聞』2025年1月29日、https://x.jp/）。')).toBe('上昇した 。');
    expect(withoutReferences('開発費は（推計で）600万ドル。')).toBe('開発費は（推計で）600万ドル。');
  });

  it('takes time in proportion to the text, deep or unbalanced brackets included', () => {
    const deep = `${'（'.repeat(20_000)}https://x${'）'.repeat(20_000)}${'(('.repeat(20_000)}`;
    const t = performance.now();
    withoutReferences(deep);
    expect(performance.now() - t).toBeLessThan(200);
  });
});
