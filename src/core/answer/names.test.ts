import { describe, expect, it } from 'vitest';
import { absentNames, questionYears, unknownNames } from './names';

describe('absentNames', () => {
  it('finds model numbers and acronyms the report never writes', () => {
    const vocabulary = 'the firm released model x1 in 2024 and the oecd said so';
    expect(absentNames('When was the Z9 released?', vocabulary)).toEqual(['Z9']);
    expect(absentNames('What did the IMF say?', vocabulary)).toEqual(['IMF']);
  });

  it('passes over names the report writes, with or without their hyphens, and plain capitalised words', () => {
    const vocabulary = 'the firm released model x1 in 2024 and the oecd said so; gpt4 was cited';
    expect(absentNames('When was X1 released? What did the OECD say about GPT-4?', vocabulary)).toEqual([]);
    expect(absentNames('What does Brazil export?', vocabulary)).toEqual([]);
    // A plural of a model number names the model.
    expect(absentNames('Were X1s sold abroad?', vocabulary)).toEqual([]);
  });
});

describe('questionYears', () => {
  it('reads four-digit years in either language, once each', () => {
    expect(questionYears('2023年と2023年の売上は？')).toEqual(['2023']);
    expect(questionYears('sales in 1999 and 2010?')).toEqual(['1999', '2010']);
    expect(questionYears('a 12345 figure')).toEqual([]);
  });
});

describe('unknownNames', () => {
  const vocabulary = 'the harbour board built the lighthouse at kesa point; 北の港町ケサは漁業の町';
  const none = () => false;
  it('counts names the report never writes: capitalised words past the first, Latin and katakana words in Japanese', () => {
    expect(unknownNames('ラーメンの作り方は？', vocabulary, none)).toBe(1);
    expect(unknownNames('Capital of France?', vocabulary, none)).toBe(1);
    expect(unknownNames('Who won the World Series?', vocabulary, none)).toBe(1);
    expect(unknownNames('NASAの予算は？', vocabulary, none)).toBe(1);
  });

  it('passes over names the report writes, the question\'s first word, and names it knows another word for', () => {
    expect(unknownNames('Who built the lighthouse at Kesa Point?', vocabulary, none)).toBe(0);
    // A katakana name may be the reader's spelling of a name the report writes in Latin letters: `known` finds it by sound.
    expect(unknownNames('アクメの本社は？', vocabulary, (n) => n === 'アクメ')).toBe(0);
    expect(unknownNames('What about Britain?', vocabulary, (n) => n === 'britain')).toBe(0);
  });
});

describe('unknownNames, runs of words', () => {
  it('knows a run whose every word the report writes, without possessives, acronym plurals or a hyphenated common word', () => {
    const vocabulary = 'the harbour board bought two gpu servers from acme; zenith was cited; kesa said so';
    expect(unknownNames('Why did the board buy Acme GPUs?', vocabulary, () => false)).toBe(0);
    expect(unknownNames("Did the Zenith-maker sue Kesa's board?", vocabulary, () => false)).toBe(0);
    expect(unknownNames('Did the board buy Dell servers?', vocabulary, () => false)).toBe(1);
  });

  it("does not know a run of words the report only has translations for (the Harbour Cup, where it writes 港 and 杯), but knows one it quotes", () => {
    const vocabulary = 'the harbour board bought a "blue port" plan; 港の杯';
    const translated = (w: string) => w === 'harbour' || w === 'cup';
    expect(unknownNames('Who won the Harbour Cup in 2024?', vocabulary, translated)).toBe(1);
    expect(unknownNames("When did the board adopt the 'Blue Port' plan?", vocabulary, () => false)).toBe(0);
  });
});
