/**
 * A letter cannot be rendered. `kind` lets the HTTP layer choose the status:
 * `unknown_template` (404 for a template id in a URL, 400/422 in a body),
 * `invalid_context` (422: something the letter needs is missing or invalid),
 * `template_file` (a broken template file: a server error, found at load).
 * `field` is a dotted path into LetterContext (e.g. `followUp`,
 * `request.requester.name`), or `templateId`.
 */
export type LetterErrorKind = 'unknown_template' | 'invalid_context' | 'template_file';

export class LetterError extends Error {
  readonly kind: LetterErrorKind;
  readonly field: string;

  constructor(kind: LetterErrorKind, field: string, message: string) {
    super(message);
    this.name = 'LetterError';
    this.kind = kind;
    this.field = field;
  }
}
