/** Error codes the API returns, with their HTTP status. One table, so clients can rely on codes. */
export const errorCodes = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  not_found: 404,
  /** A library of several reports and no default: the request must name one (`report`). */
  report_required: 400,
  /** No report of the library has that id. */
  unknown_report: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  payload_too_large: 413,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  index_unavailable: 503,
  overloaded: 503,
  empty_input: 400,
  corrupt_index: 500,
  unreadable_report: 422,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code];
  }
}
