import { isRtlText } from '../../../shared/domain/bidi.js';

/**
 * Word needs to be told which way user text runs: a right-to-left paragraph (Hebrew, Arabic) is
 * `bidirectional` and its runs `rightToLeft`, otherwise "מאיה, 3 questions" prints back to front.
 * These spread into the docx library's Paragraph / TextRun options; Latin text gets nothing extra.
 */
export const rtlParagraph = (text: string): { bidirectional?: true } =>
  isRtlText(text) ? { bidirectional: true } : {};

export const rtlRun = (text: string): { rightToLeft?: true } =>
  isRtlText(text) ? { rightToLeft: true } : {};
