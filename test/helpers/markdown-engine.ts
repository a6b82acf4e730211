/** An in-process engine over a Markdown report written in a test (hash embedder, the committed reader). */
import type { QaEngine } from '../../src/core/engine';
import { collectAnswer } from '../../src/core/engine';
import type { ChatAnswer, Turn } from '../../src/core/types';
import { engineWith, markdownParts } from '../../scripts/train/article-engine';

export const markdownEngine = async (markdown: string): Promise<QaEngine> => engineWith(await markdownParts(markdown));

export const ask = (engine: QaEngine, question: string, history: Turn[] = []): Promise<ChatAnswer> => collectAnswer(engine.chat({ question, history }));
