import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DuringSection } from '../../renderer/features/prep/DuringSection.js';
import type { Question } from '../../renderer/features/prep/questions/question-helpers.js';

const q = (id: string, text: string, patch: Partial<Question> = {}): Question => ({
  id,
  text,
  category: 'typical-day',
  minutes: 3,
  answer: '',
  ...patch,
});

function Page({ initial, disabled = false }: { initial: Question[]; disabled?: boolean }) {
  const [questions, setQuestions] = useState(initial);
  return (
    <>
      <DuringSection questions={questions} disabled={disabled} onChange={setQuestions} />
      <output aria-label="saved">{JSON.stringify(questions)}</output>
    </>
  );
}

const saved = (): Question[] =>
  JSON.parse(screen.getByRole('status', { name: 'saved' }).textContent ?? '[]') as Question[];

describe('During the meeting', () => {
  it('puts an answer box under each question, named by its number and described by its text', async () => {
    const user = userEvent.setup();
    render(
      <Page
        initial={[
          q('a', 'What does a typical day look like?'),
          q('b', '   '),
          q('c', 'How did you get started?', { category: 'advancement', answer: 'By chance' }),
        ]}
      />,
    );
    const section = screen.getByRole('region', { name: 'During the meeting' });
    const items = within(section).getAllByRole('listitem');
    // A question still blank under Questions gets no box; the numbers are those of the list.
    expect(items).toHaveLength(2);
    const third = within(section).getByRole('textbox', { name: 'Answer to question 3' });
    expect(third).toHaveAccessibleDescription(/How did you get started\?/);
    expect(third).toHaveValue('By chance');

    await user.type(
      within(section).getByRole('textbox', { name: 'Answer to question 1' }),
      'Stand-up, then site calls',
    );
    // Only that question's answer changes; the others, and the question itself, are kept.
    expect(saved()).toEqual([
      q('a', 'What does a typical day look like?', { answer: 'Stand-up, then site calls' }),
      q('b', '   '),
      q('c', 'How did you get started?', { category: 'advancement', answer: 'By chance' }),
    ]);
  });

  it('says where questions come from when there are none', () => {
    render(<Page initial={[]} />);
    expect(
      screen.getByText('Add your questions under Questions; each one gets an answer box here.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('turns the boxes off while the data is read-only', () => {
    render(<Page initial={[q('a', 'What is hard?')]} disabled />);
    expect(screen.getByRole('textbox', { name: 'Answer to question 1' })).toBeDisabled();
  });
});
