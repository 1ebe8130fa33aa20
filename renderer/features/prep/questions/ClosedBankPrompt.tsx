import { useId } from 'react';
import type { OpenSuggestion } from '../../../../shared/domain/questions.js';
import { WarningIcon } from '../../../components/Messages.js';

interface ClosedBankPromptProps {
  /** The yes/no question waiting for a decision. */
  text: string;
  suggestion: OpenSuggestion;
  /** Saves the open rewrite instead (only offered when there is one). */
  onSaveRewrite(rewrite: string): void;
  onSaveAnyway(): void;
  onDiscard(): void;
}

/**
 * Asked before a yes/no question goes into the user's question bank, where it would be offered
 * again for every later meeting: save the open version (when a grammatical rewrite exists), save
 * it as written, or keep it out of the bank. The question is already in this meeting either way.
 */
export function ClosedBankPrompt({
  text,
  suggestion,
  onSaveRewrite,
  onSaveAnyway,
  onDiscard,
}: ClosedBankPromptProps) {
  const id = useId();
  return (
    <div className="questions-hint" role="group" aria-labelledby={`${id}-title`}>
      <div role="status" style={{ flex: '1 1 20rem' }}>
        <p id={`${id}-title`}>
          <WarningIcon /> “{text}” is in this meeting but not yet in your question bank: it can be
          answered with a yes or a no.
        </p>
        <p>
          {suggestion.kind === 'rewrite'
            ? `An open version: “${suggestion.text}”`
            : suggestion.text}
        </p>
      </div>
      {suggestion.kind === 'rewrite' ? (
        <button
          type="button"
          className="button button-small button-primary"
          onClick={() => onSaveRewrite(suggestion.text)}
        >
          Use and save the open version
        </button>
      ) : null}
      <button type="button" className="button button-small" onClick={onSaveAnyway}>
        Save anyway
      </button>
      <button type="button" className="button button-small" onClick={onDiscard}>
        Don’t save
      </button>
    </div>
  );
}
