/**
 * The label page's one error type: an HTTP status and the one sentence the clerk sees.
 * Anything else thrown is a bug and renders as a generic sentence (never a stack trace).
 */
export class PageError extends Error {
  override readonly name = "PageError";
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 502,
    readonly sentence: string,
  ) {
    super(sentence);
  }
}
