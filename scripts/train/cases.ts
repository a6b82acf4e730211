/** The public sets in the repository, split by article into the cases training and validation ask. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { typeSwappedQuestions } from './type-swapped';
import { holedArticle, offTopic, readSquadFormat, splitArticles, swappedQuestions, unanswerable, wholeArticle, type Article, type Case } from './public-sets';

export const PUBLIC_DIR = resolve(import.meta.dirname, '../../test/eval/public');

/** How the split and the holes are drawn; recorded with the weights. */
export const splitSettings = {
  seed: 17,
  /** Share of JSQuAD's articles held out for validation. */
  validationShare: 0.25,
  /** Every n-th paragraph is taken out to make near misses. */
  holeEvery: 4,
  /** Off-topic questions asked of each article: a third of its own, at most this many. */
  offTopicMax: 30,
  /** Share of an article's questions also asked with one word swapped (made unanswerable). */
  swapShare: 0.2,
  /** Share of an article's questions also asked for another kind of value than they ask (see type-swapped.ts). */
  typeSwapShare: 1,
};

export interface PublicSets {
  jsquad: { train: Article[]; validation: Article[] };
  /** One English article: too few to split, so it is held out whole, for validation only. */
  squad: Article[];
}

export async function loadPublicSets(): Promise<PublicSets> {
  const read = async (file: string) => JSON.parse(await readFile(resolve(PUBLIC_DIR, file), 'utf8')) as unknown;
  const jsquad = readSquadFormat(await read('jsquad-valid-v1.3.json'), 'JSQuAD', 'ja');
  const squad = readSquadFormat(await read('squad2-train-subset.json'), 'SQuAD 2.0', 'en');
  return { jsquad: splitArticles(jsquad, splitSettings.validationShare, splitSettings.seed), squad };
}

/** Every case of a group of articles: whole, holed, and asked others' questions. */
export function casesOf(articles: readonly Article[], others: readonly Article[]): Case[] {
  const { seed, holeEvery, offTopicMax, swapShare, typeSwapShare } = splitSettings;
  return articles.flatMap((a) => {
    const own = a.paragraphs.reduce((n, p) => n + p.questions.length, 0);
    return [wholeArticle(a), ...holedArticle(a, holeEvery, seed), unanswerable(a), offTopic(a, others, Math.min(offTopicMax, Math.ceil(own / 3)), seed), swappedQuestions(a, others, swapShare, seed), typeSwappedQuestions(a, typeSwapShare, seed)].filter((c) => c.questions.length > 0);
  });
}
