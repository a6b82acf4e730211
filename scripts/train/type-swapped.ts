/**
 * Near misses that keep every word of the topic: an answerable question whose interrogative is
 * swapped for one asking another kind of value (いつ → 何人, 誰 → どこ), kept only when the
 * paragraph it was written against holds no value of that kind. The report's readers ask these
 * ("how many migrant workers", "where was the summit held") on topics the report discusses, and
 * the right reply is "not stated"; holed articles teach the other kind, where the topic's words
 * are gone too.
 */
import { holdsAnswer, typeEvidence } from '../../src/core/answer/answer-types';
import { hash, articleMarkdown, type Article, type Case, type PublicQuestion } from './public-sets';

/** Japanese interrogatives by the kind of value they ask for, and the one each is swapped to. */
const ASKS = [
  { kind: 'date', pattern: /いつ|何年|何月/, as: 'いつ' },
  { kind: 'person', pattern: /誰|だれ/, as: '誰' },
  { kind: 'place', pattern: /どこ/, as: 'どこ' },
  { kind: 'count', pattern: /何人/, as: '何人' },
  { kind: 'amount', pattern: /いくら/, as: 'いくら' },
] as const;

/** Sentences of a paragraph (Japanese full stops; enough to check what kinds of value it holds). */
const sentencesOf = (text: string) => text.split(/(?<=[。！？])/u).filter((s) => s.trim());

/**
 * A `share` of an article's answerable questions that ask with one of the interrogatives above,
 * asked instead for another kind of value their paragraph does not hold. The right reply is "not stated".
 */
export function typeSwappedQuestions(article: Article, share: number, seed: number): Case {
  const questions: PublicQuestion[] = [];
  for (const p of article.paragraphs) {
    const sentences = sentencesOf(p.text);
    for (const q of p.questions) {
      if (q.expected !== 'answered' || (hash(q.id, seed + 3) % 1000) / 1000 >= share) continue;
      const asked = ASKS.find((a) => a.pattern.test(q.question));
      if (!asked) continue;
      const others = ASKS.filter((a) => a.kind !== asked.kind);
      const to = others[hash(q.id, seed + 4) % others.length]!;
      const question = q.question.replace(asked.pattern, to.as);
      const expected = typeEvidence(question);
      // Only a question read as asking for the new kind, about a paragraph holding none of it.
      if (expected.type !== to.kind || sentences.some((s) => holdsAnswer(s, expected))) continue;
      questions.push({ id: `${q.id}-type-swapped`, question, answers: [], expected: 'not_stated' });
    }
  }
  return { kind: 'type-swapped', article, markdown: articleMarkdown(article.title, article.paragraphs.map((p) => p.text)), questions };
}
