import type { z } from 'zod';
import type { MeetingQuestion, QuestionCategory } from '../../../../shared/schema/entities.js';
import {
  DEFAULT_MINUTES_PER_QUESTION,
  type OpenSuggestion,
} from '../../../../shared/domain/questions.js';

export type Question = z.infer<typeof MeetingQuestion>;

/** The first few words of a question, for button names and announcements. */
export function shortText(text: string, words = 6): string {
  const parts = text.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '';
  const head = parts.slice(0, words).join(' ');
  return parts.length > words ? `${head}…` : head;
}

/** A new id for a question; main keeps whatever the page saves. */
export function newQuestionId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `q-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A question as the meeting stores it; bank entries may bring their own estimate. */
export function makeQuestion(text: string, category: QuestionCategory, minutes?: number): Question {
  return {
    id: newQuestionId(),
    text: text.trim(),
    category,
    minutes:
      typeof minutes === 'number' && minutes > 0 && minutes <= 60
        ? minutes
        : DEFAULT_MINUTES_PER_QUESTION,
    answer: '',
  };
}

/** Moves one item of a list; returns the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) {
    return list as T[];
  }
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/**
 * The flag under a yes/no question: the rewrite to try ("Yes/no question: try “What…?”"), or,
 * when no rule can rewrite it grammatically, the hint with its two openings.
 */
export function flagText(suggestion: OpenSuggestion): string {
  return suggestion.kind === 'rewrite'
    ? `Yes/no question: try “${suggestion.text}”`
    : `Yes/no question. ${suggestion.text}`;
}
