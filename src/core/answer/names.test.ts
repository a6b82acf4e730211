import { describe, expect, it } from 'vitest';
import { absentNames, questionYears } from './names';

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
  });
});

describe('questionYears', () => {
  it('reads four-digit years in either language, once each', () => {
    expect(questionYears('2023年と2023年の売上は？')).toEqual(['2023']);
    expect(questionYears('sales in 1999 and 2010?')).toEqual(['1999', '2010']);
    expect(questionYears('a 12345 figure')).toEqual([]);
  });
});
