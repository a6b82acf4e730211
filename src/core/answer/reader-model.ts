/** The reader's committed weights (`npm run train` rebuilds them), checked once when loaded. */
import weights from './reader-weights.json';
import { parseReaderModel, type ReaderModel } from './model';

export const defaultReaderModel: ReaderModel = parseReaderModel(weights);
