export { LetterError } from './errors';
export type { LetterErrorKind } from './errors';
export { listLetterTemplates, renderLetter, requestTemplateFor } from './render';
export { defaultTemplateDir, loadLetterTemplates } from './registry';
export { SUMMARY_MAX, summarizeRecords } from './summary';
export type {
  LetterContext,
  LetterPurpose,
  LetterRequester,
  LetterTemplateId,
  LetterTemplateInfo,
  RenderedLetter,
  RequirableContext,
} from './types';
