import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { QuestionsEditor } from '../../renderer/features/prep/questions/QuestionsEditor.js';
import type { Question } from '../../renderer/features/prep/questions/question-helpers.js';
import {
  resetQuestionBankStore,
  useQuestionBankStore,
} from '../../renderer/stores/question-bank-store.js';
import type { BankQuestion, QuestionCategory } from '../../shared/schema/entities.js';
import { createFakeRapport, FakeFailure, type FakeRapport } from './fake-api.js';

const bankEntry = (
  id: string,
  text: string,
  category: QuestionCategory,
  builtIn = true,
): BankQuestion => ({ id, text, category, builtIn, timesUsed: 0 });

const BANK: BankQuestion[] = [
  bankEntry('b1', 'What does a typical day or week look like for you?', 'typical-day'),
  bankEntry('b2', 'What trends are changing your industry right now?', 'trends'),
  bankEntry('b3', 'Who else would you suggest I talk to?', 'resources'),
  bankEntry('b4', 'What advice would you give someone exploring this field?', 'advice'),
];

let counter = 0;
const q = (text: string, patch: Partial<Question> = {}): Question => ({
  id: `q${++counter}`,
  text,
  category: 'other',
  minutes: 3,
  answer: '',
  ...patch,
});

let fake: FakeRapport;
let changes: Question[][];

/** The page's part: holds the questions and autosaves whatever the editor hands it. */
function Page({ initial, minutes = 30 }: { initial: Question[]; minutes?: number }) {
  const [questions, setQuestions] = useState(initial);
  return (
    <QuestionsEditor
      questions={questions}
      meetingMinutes={minutes}
      onChange={(next) => {
        changes.push(next);
        setQuestions(next);
      }}
    />
  );
}

const latest = () => changes.at(-1) ?? [];
const texts = () => latest().map((x) => x.text);

beforeEach(() => {
  resetQuestionBankStore();
  changes = [];
  fake = createFakeRapport();
  fake.respond('questions:bank', () => BANK);
  fake.respond('questions:save', ({ text, category }) =>
    bankEntry(`mine-${text.length}`, text, category, false),
  );
  fake.install();
});

describe('QuestionsEditor', () => {
  it('adds a written question with the button and with Enter, and saves it to the bank', async () => {
    const user = userEvent.setup();
    render(<Page initial={[]} />);
    expect(screen.getByText(/No questions yet/)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'New question' }), 'What surprised you?');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Category for the new question' }),
      'Insights',
    );
    await user.click(screen.getByRole('button', { name: 'Add question' }));

    expect(latest()).toEqual([
      expect.objectContaining({ text: 'What surprised you?', category: 'insights', minutes: 3 }),
    ]);
    expect(screen.getByRole('textbox', { name: 'Question 1' })).toHaveValue('What surprised you?');
    const input = screen.getByRole('textbox', { name: 'New question' });
    expect(input).toHaveValue('');
    expect(input).toHaveFocus();

    await user.type(input, 'How did you start?{Enter}');
    expect(texts()).toEqual(['What surprised you?', 'How did you start?']);
    await waitFor(() => expect(fake.callsTo('questions:save')).toHaveLength(2));
    expect(fake.callsTo('questions:save')[0]).toEqual({
      text: 'What surprised you?',
      category: 'insights',
    });
  });

  it('does not save to the bank when the box is unticked, nor a question already there', async () => {
    const user = userEvent.setup();
    render(<Page initial={[]} />);
    await waitFor(() => expect(useQuestionBankStore.getState().loaded).toBe(true));
    const box = screen.getByRole('checkbox', { name: 'Save to my question bank' });
    expect(box).toBeChecked();
    await user.click(box);
    await user.type(screen.getByRole('textbox', { name: 'New question' }), 'What is new?{Enter}');
    await user.click(box);
    await user.type(
      screen.getByRole('textbox', { name: 'New question' }),
      'what trends are changing your industry right now{Enter}',
    );
    expect(texts()).toHaveLength(2);
    expect(fake.callsTo('questions:save')).toEqual([]);
  });

  it('keeps the question in the meeting and says so when saving to the bank fails', async () => {
    const user = userEvent.setup();
    fake.respond('questions:save', () => {
      throw new FakeFailure('read-only', 'Rapport is in read-only mode.');
    });
    render(<Page initial={[]} />);
    await user.type(screen.getByRole('textbox', { name: 'New question' }), 'What is new?{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The question was added to this meeting but not saved to your question bank. Rapport is in read-only mode.',
    );
    expect(texts()).toEqual(['What is new?']);
  });

  it('refuses to add an empty question and says what to do', async () => {
    const user = userEvent.setup();
    render(<Page initial={[]} />);
    await user.type(screen.getByRole('textbox', { name: 'New question' }), '   ');
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    expect(screen.getByText('Write the question first.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'New question' })).toBeInvalid();
    expect(changes).toEqual([]);
  });

  it('flags a yes/no question as it is typed and clears the flag once it is open', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('What')]} />);
    const input = screen.getByRole('textbox', { name: 'Question 1' });
    await user.clear(input);
    await user.type(input, 'Do you enjoy your work?');
    const list = screen.getByRole('list', { name: 'Questions for this meeting' });
    const item = within(list).getByRole('listitem');
    expect(within(item).getByRole('status')).toHaveTextContent(
      'Yes/no question: try “What do you enjoy most about your work?”',
    );
    expect(input).toHaveAccessibleDescription(/Yes\/no question/);

    await user.clear(input);
    await user.type(input, 'What do you enjoy?');
    expect(within(item).getByRole('status')).toHaveTextContent('');
    expect(within(item).queryByRole('button', { name: /Use suggestion/ })).toBeNull();
  });

  it('flags the new question too, before it is added', async () => {
    const user = userEvent.setup();
    render(<Page initial={[]} />);
    const input = screen.getByRole('textbox', { name: 'New question' });
    await user.type(input, 'Is it hard to advance?');
    expect(
      screen.getByText(/Yes\/no question: try “What makes it hard or easy to advance\?”/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use suggestion for the new question' }));
    expect(input).toHaveValue('What makes it hard or easy to advance?');
  });

  it('rewrites a flagged question with "Use suggestion"', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('How did you start?'), q('Is it hard to advance?')]} />);
    await user.click(screen.getByRole('button', { name: 'Use suggestion for question 2' }));
    expect(texts()).toEqual(['How did you start?', 'What makes it hard or easy to advance?']);
    expect(screen.queryByText(/Yes\/no question/)).toBeNull();
  });

  it('shows a hint instead of a "Use suggestion" button when no rewrite would read well', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('How did you start?'), q('Are you hiring?')]} />);
    const item = within(screen.getByRole('list', { name: 'Questions for this meeting' }))
      .getAllByRole('listitem')
      .at(1)!;
    expect(within(item).getByRole('status')).toHaveTextContent(
      'Yes/no question. Start it with “What…” or “How…” so the answer can be more than a yes or a no.',
    );
    expect(screen.getByRole('textbox', { name: 'Question 2' })).toHaveAccessibleDescription(
      /Start it with “What…” or “How…”/,
    );
    expect(screen.queryByRole('button', { name: /Use suggestion/ })).toBeNull();

    const input = screen.getByRole('textbox', { name: 'New question' });
    await user.type(input, 'May I mention your name?');
    expect(input).toHaveAccessibleDescription(/Yes\/no question\. Start it with “What…”/);
    expect(screen.queryByRole('button', { name: /Use suggestion/ })).toBeNull();
  });

  it('asks before a yes/no question goes into the bank, and saves it anyway on request', async () => {
    const user = userEvent.setup();
    render(<Page initial={[]} />);
    await user.type(
      screen.getByRole('textbox', { name: 'New question' }),
      'Do you enjoy your work?{Enter}',
    );
    expect(texts()).toEqual(['Do you enjoy your work?']);
    const prompt = screen.getByRole('group', {
      name: /“Do you enjoy your work\?” is in this meeting but not yet in your question bank/,
    });
    expect(within(prompt).getByRole('status')).toHaveTextContent(
      'An open version: “What do you enjoy most about your work?”',
    );
    expect(fake.callsTo('questions:save')).toEqual([]);

    await user.click(within(prompt).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() =>
      expect(fake.callsTo('questions:save')).toEqual([
        { text: 'Do you enjoy your work?', category: 'other' },
      ]),
    );
    expect(screen.queryByRole('group', { name: /not yet in your question bank/ })).toBeNull();
    expect(texts()).toEqual(['Do you enjoy your work?']);
  });

  it('saves the open version to the bank and uses it in the meeting', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('How did you start?')]} />);
    await user.type(
      screen.getByRole('textbox', { name: 'New question' }),
      'Is it hard to advance?{Enter}',
    );
    await user.click(screen.getByRole('button', { name: 'Use and save the open version' }));
    expect(texts()).toEqual(['How did you start?', 'What makes it hard or easy to advance?']);
    await waitFor(() =>
      expect(fake.callsTo('questions:save')).toEqual([
        { text: 'What makes it hard or easy to advance?', category: 'other' },
      ]),
    );
    expect(screen.queryByRole('group', { name: /not yet in your question bank/ })).toBeNull();
  });

  it('keeps a yes/no question out of the bank when the user says so, and offers no rewrite it cannot write', async () => {
    const user = userEvent.setup();
    render(<Page initial={[]} />);
    await user.type(
      screen.getByRole('textbox', { name: 'New question' }),
      'Are you hiring?{Enter}',
    );
    const prompt = screen.getByRole('group', { name: /“Are you hiring\?” is in this meeting/ });
    expect(within(prompt).getByRole('status')).toHaveTextContent(
      'Start it with “What…” or “How…” so the answer can be more than a yes or a no.',
    );
    expect(within(prompt).queryByRole('button', { name: /open version/ })).toBeNull();
    await user.click(within(prompt).getByRole('button', { name: 'Don’t save' }));
    expect(screen.queryByRole('group', { name: /not yet in your question bank/ })).toBeNull();
    expect(texts()).toEqual(['Are you hiring?']);
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(fake.callsTo('questions:save')).toEqual([]);
  });

  it('does not ask about the bank when the box is unticked, and saves open questions at once', async () => {
    const user = userEvent.setup();
    render(<Page initial={[]} />);
    const input = screen.getByRole('textbox', { name: 'New question' });
    await user.click(screen.getByRole('checkbox', { name: 'Save to my question bank' }));
    await user.type(input, 'Do you travel a lot?{Enter}');
    expect(screen.queryByRole('group', { name: /not yet in your question bank/ })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Save to my question bank' }));
    await user.type(input, 'What surprised you?{Enter}');
    expect(screen.queryByRole('group', { name: /not yet in your question bank/ })).toBeNull();
    await waitFor(() =>
      expect(fake.callsTo('questions:save')).toEqual([
        { text: 'What surprised you?', category: 'other' },
      ]),
    );
  });

  it('moves questions with the Move up and Move down buttons, named after the question', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('How did you start?'), q('What is hard?'), q('Who hired you?')]} />);
    const down = screen.getByRole('button', { name: 'Move down: How did you start?' });
    await user.click(down);
    expect(texts()).toEqual(['What is hard?', 'How did you start?', 'Who hired you?']);
    expect(down).toHaveFocus();
    expect(screen.getByText('Moved “How did you start?” to position 2 of 3.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Move up: Who hired you?' }));
    expect(texts()).toEqual(['What is hard?', 'Who hired you?', 'How did you start?']);

    const top = screen.getByRole('button', { name: 'Move up: What is hard?' });
    expect(top).toHaveAttribute('aria-disabled', 'true');
    const count = changes.length;
    await user.click(top);
    expect(changes).toHaveLength(count);
  });

  it('moves a question from the keyboard: Space picks up, arrows move, Space drops', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('How did you start?'), q('What is hard?'), q('Who hired you?')]} />);
    const handle = screen.getByRole('button', { name: 'Drag question 1: How did you start?' });
    expect(handle).toHaveAccessibleDescription(/press Space to pick it up/);
    handle.focus();
    await user.keyboard('[Space]');
    await user.keyboard('[ArrowDown]');
    await user.keyboard('[ArrowDown]');
    await user.keyboard('[ArrowDown]');
    await user.keyboard('[ArrowUp]');
    await user.keyboard('[Space]');
    await waitFor(() =>
      expect(texts()).toEqual(['What is hard?', 'How did you start?', 'Who hired you?']),
    );
    expect(
      screen.getByText(/Question 1: How did you start\? was dropped at position 2 of 3\./),
    ).toBeInTheDocument();
  });

  it('cancels a keyboard move with Escape and changes nothing', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('How did you start?'), q('What is hard?')]} />);
    screen.getByRole('button', { name: 'Drag question 1: How did you start?' }).focus();
    await user.keyboard('[Space]');
    await user.keyboard('[ArrowDown]');
    await user.keyboard('[Escape]');
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(changes).toEqual([]);
  });

  it('groups questions by category on request, seed topics first', async () => {
    const user = userEvent.setup();
    render(
      <Page
        initial={[
          q('Who else?', { category: 'resources' }),
          q('What is a typical day?', { category: 'typical-day' }),
          q('What is changing?', { category: 'trends' }),
        ]}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Group by category' }));
    expect(latest().map((x) => x.category)).toEqual(['typical-day', 'trends', 'resources']);
    expect(screen.getByRole('button', { name: 'Group by category' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('changes the category and minutes of a question (its answer is written under During)', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('What is hard?')]} />);
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Category for question 1' }),
      'Rewards and challenges',
    );
    const minutes = screen.getByRole('spinbutton', { name: 'Minutes for question 1' });
    await user.clear(minutes);
    await user.type(minutes, '5');
    expect(screen.queryByRole('textbox', { name: 'Answer to question 1' })).toBeNull();
    expect(latest()[0]).toEqual(
      expect.objectContaining({ category: 'rewards-challenges', minutes: 5, answer: '' }),
    );
  });

  it('adds from the bank, grouped by category, and marks questions already added', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('what trends are changing your industry right now')]} />);
    const bank = screen.getByRole('region', { name: 'Add from the bank' });
    expect(
      await within(bank).findByRole('heading', { level: 4, name: 'A typical day' }),
    ).toBeInTheDocument();
    expect(
      within(bank).getByRole('button', {
        name: 'Added: What trends are changing your industry right now?',
      }),
    ).toBeDisabled();

    await user.click(
      within(bank).getByRole('button', {
        name: 'Add: What does a typical day or week look like for you?',
      }),
    );
    expect(latest()[1]).toEqual(
      expect.objectContaining({
        text: 'What does a typical day or week look like for you?',
        category: 'typical-day',
      }),
    );
    expect(
      within(bank).getByRole('button', {
        name: 'Added: What does a typical day or week look like for you?',
      }),
    ).toBeDisabled();
    expect(fake.callsTo('questions:save')).toEqual([]);
  });

  it('searches the bank', async () => {
    const user = userEvent.setup();
    render(<Page initial={[]} />);
    const bank = screen.getByRole('region', { name: 'Add from the bank' });
    await within(bank).findByRole('button', { name: /^Add: What trends/ });
    await user.type(
      within(bank).getByRole('searchbox', { name: 'Search the question bank' }),
      'ADVICE',
    );
    expect(within(bank).getAllByRole('button', { name: /^Add: / })).toHaveLength(1);
    await user.type(within(bank).getByRole('searchbox'), 'zzz');
    expect(within(bank).getByText('No bank questions match “ADVICEzzz”.')).toBeInTheDocument();
  });

  it('shows a plain message and a retry when the bank cannot be loaded', async () => {
    const user = userEvent.setup();
    fake.respond('questions:bank', () => {
      throw new FakeFailure('internal', 'The question bank could not be read.');
    });
    render(<Page initial={[]} />);
    expect(await screen.findByText(/The question bank could not be read\./)).toBeInTheDocument();
    fake.respond('questions:bank', () => BANK);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: /^Add: What trends/ })).toBeInTheDocument();
  });

  it('suggests a "who else should I talk to?" question until one is there', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('What is hard?')]} />);
    expect(
      screen.getByText(/You have no ‘who else should I talk to\?’ question/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add it' }));
    expect(texts()).toEqual(['What is hard?', 'Who else would you suggest I talk to?']);
    expect(latest()[1]?.category).toBe('resources');
    expect(screen.queryByText(/You have no ‘who else/)).toBeNull();
  });

  it('does not suggest a referral question when one asks for introductions', () => {
    render(<Page initial={[q('Could you introduce me to someone in design?')]} />);
    expect(screen.queryByRole('button', { name: 'Add it' })).toBeNull();
  });

  it('shows the time budget and warns when the questions run over the meeting', async () => {
    const user = userEvent.setup();
    const seven = Array.from({ length: 7 }, (_, i) => q(`What about topic ${i + 1}?`));
    render(<Page initial={seven} minutes={30} />);
    const meter = screen.getByRole('meter', { name: 'Time budget' });
    expect(meter).toHaveAttribute('aria-valuenow', '21');
    const fits = 'About 21 of 25 minutes for questions (5 kept for introductions and closing)';
    expect(meter).toHaveAttribute('aria-valuetext', fits);
    expect(meter).toHaveAttribute('aria-valuemax', '25');
    expect(screen.getByText(fits)).toBeInTheDocument();

    for (let i = 0; i < 5; i += 1) {
      await user.type(screen.getByRole('textbox', { name: 'New question' }), `How is ${i}?{Enter}`);
    }
    expect(meter).toHaveAttribute('aria-valuenow', '36');
    const warning =
      'About 36 minutes of questions: 11 over the 25 a 30-minute meeting leaves after introductions and closing — drop or shorten a few';
    expect(meter).toHaveAttribute('aria-valuetext', warning);
    expect(screen.getAllByText(warning).length).toBeGreaterThan(0);
    expect(meter.closest('.questions-budget')).toHaveClass('questions-budget-over');
  });

  it('removes a question and can bring it back to its place', async () => {
    const user = userEvent.setup();
    render(<Page initial={[q('How did you start?'), q('What is hard?', { answer: 'Hiring.' })]} />);
    await user.click(screen.getByRole('button', { name: 'Remove question 2' }));
    expect(texts()).toEqual(['How did you start?']);
    expect(screen.queryByRole('textbox', { name: 'Question 2' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(latest()[1]).toEqual(
      expect.objectContaining({ text: 'What is hard?', answer: 'Hiring.' }),
    );
  });

  it('keeps a trailing space while typing even when the page hands back trimmed text', async () => {
    const user = userEvent.setup();
    function TrimmingPage() {
      const [questions, setQuestions] = useState([q('What')]);
      return (
        <QuestionsEditor
          questions={questions}
          meetingMinutes={30}
          onChange={(next) => setQuestions(next.map((x) => ({ ...x, text: x.text.trim() })))}
        />
      );
    }
    render(<TrimmingPage />);
    const input = screen.getByRole('textbox', { name: 'Question 1' });
    await user.type(input, ' do you');
    expect(input).toHaveValue('What do you');
  });
});
