/** The AppError a report text is refused with; fails the test when it is read without one. */
import { AppError } from '../../src/core/errors';
import { parseReport } from '../../src/core/ingest/parse';

export function parseError(text: string): AppError {
  try {
    parseReport(text);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected parseReport to throw');
}
