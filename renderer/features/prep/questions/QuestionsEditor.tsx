import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BankQuestion, QuestionCategory } from '../../../../shared/schema/entities.js';
import {
  groupByCategory,
  hasReferralQuestion,
  questionMatchKey,
  REFERRAL_QUESTION,
  suggestOpenRewrite,
  type OpenSuggestion,
} from '../../../../shared/domain/questions.js';
import { errorMessage } from '../../../api.js';
import { useQuestionBankStore } from '../../../stores/question-bank-store.js';
import { AddQuestion } from './AddQuestion.js';
import { BankPicker } from './BankPicker.js';
import { ClosedBankPrompt } from './ClosedBankPrompt.js';
import { makeQuestion, moveItem, shortText, type Question } from './question-helpers.js';
import { QuestionItem, questionName } from './QuestionItem.js';
import { TimeBudgetMeter } from './TimeBudgetMeter.js';

export interface QuestionsEditorProps {
  questions: Question[];
  meetingMinutes: number;
  onChange(questions: Question[]): void;
}

const screenReaderInstructions = {
  draggable:
    'To move this question, press Space to pick it up, use the up and down arrow keys to choose its place, then press Space to drop it or Escape to cancel.',
};

/** A removed question the user can still bring back, at its old place. */
interface Removed {
  question: Question;
  index: number;
}

/** A yes/no question added to the meeting whose place in the bank waits for the user's choice. */
interface PendingBankSave {
  questionId: string;
  text: string;
  category: QuestionCategory;
  suggestion: OpenSuggestion;
}

/**
 * The Questions section of the prep workspace: the meeting's questions in asking order, with
 * yes/no flags and open rewrites (or a hint) as you type, a choice before a yes/no question is
 * saved to the bank, a time budget against the meeting length, a hint
 * when nothing asks for more names, and ways to add questions (write one, or pick from the bank).
 * It holds no copy of the questions: every change goes to `onChange`, which the page autosaves.
 */
export function QuestionsEditor({ questions, meetingMinutes, onChange }: QuestionsEditorProps) {
  const bank = useQuestionBankStore((s) => s.questions);
  const bankLoading = useQuestionBankStore((s) => s.loading);
  const bankError = useQuestionBankStore((s) => s.error);
  const loadBank = useQuestionBankStore((s) => s.load);
  const saveToBank = useQuestionBankStore((s) => s.save);
  const [announcement, setAnnouncement] = useState('');
  const [bankNotice, setBankNotice] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [pendingBank, setPendingBank] = useState<PendingBankSave | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void loadBank();
  }, [loadBank]);

  // Latest values for the drag callbacks, which dnd-kit keeps from the drag's start.
  const latest = useRef({ questions, onChange });
  useEffect(() => {
    latest.current = { questions, onChange };
  });

  const ids = useMemo(() => questions.map((q) => q.id), [questions]);
  const added = useMemo(() => new Set(questions.map((q) => questionMatchKey(q.text))), [questions]);

  const move = (from: number, to: number) => {
    const { questions: list, onChange: change } = latest.current;
    const next = moveItem(list, from, to);
    if (next === list) return;
    change(next);
    const moved = list[from];
    if (moved) {
      setAnnouncement(
        `Moved “${shortText(moved.text) || 'the question'}” to position ${to + 1} of ${list.length}.`,
      );
    }
  };

  const update = (index: number, question: Question) => {
    const next = questions.slice();
    next[index] = question;
    onChange(next);
  };

  const remove = (index: number) => {
    const question = questions[index];
    if (!question) return;
    onChange(questions.filter((_, i) => i !== index));
    setRemoved({ question, index });
    setAnnouncement('');
    requestAnimationFrame(() => undoButton.current?.focus());
  };

  const undoRemove = () => {
    if (!removed) return;
    const next = questions.slice();
    next.splice(Math.min(removed.index, next.length), 0, removed.question);
    onChange(next);
    setRemoved(null);
    setAnnouncement(`Question ${removed.index + 1} is back.`);
  };

  const append = (question: Question, message: string) => {
    onChange([...questions, question]);
    setRemoved(null);
    setAnnouncement(message);
  };

  const saveWritten = (text: string, category: QuestionCategory) => {
    saveToBank(text, category).catch((error: unknown) => {
      setBankNotice(
        `The question was added to this meeting but not saved to your question bank. ${errorMessage(error)}`,
      );
    });
  };

  // A yes/no question joins the meeting at once, but the bank (offered again for every later
  // meeting) only takes it once the user has chosen: the open version, as written, or not at all.
  const addWritten = (text: string, category: QuestionCategory, save: boolean) => {
    const question = makeQuestion(text, category);
    append(question, `Added question ${questions.length + 1}.`);
    setBankNotice(null);
    if (!save) return;
    const suggestion = suggestOpenRewrite(text);
    const known = bank.some((entry) => questionMatchKey(entry.text) === questionMatchKey(text));
    if (suggestion === null || known) {
      if (!known) saveWritten(text, category);
      return;
    }
    setPendingBank({ questionId: question.id, text, category, suggestion });
  };

  const saveOpenVersion = (pending: PendingBankSave, rewrite: string) => {
    const index = questions.findIndex((q) => q.id === pending.questionId);
    const current = questions[index];
    if (current && current.text === pending.text) {
      update(index, { ...current, text: rewrite });
      setAnnouncement(`Question ${index + 1} now reads “${rewrite}”.`);
    }
    saveWritten(rewrite, pending.category);
    setPendingBank(null);
  };

  const addFromBank = (entry: BankQuestion) => {
    const minutes = (entry as BankQuestion & { minutes?: unknown }).minutes;
    append(
      makeQuestion(entry.text, entry.category, typeof minutes === 'number' ? minutes : undefined),
      `Added question ${questions.length + 1}: ${shortText(entry.text)}`,
    );
  };

  const sorted = groupByCategory(questions);
  const alreadyGrouped = sorted.every((q, i) => q === questions[i]);

  return (
    <div className="questions">
      <TimeBudgetMeter questions={questions} meetingMinutes={meetingMinutes} />

      {questions.length === 0 ? (
        <p className="questions-empty muted">
          No questions yet. Write your own below or add some from the bank.
        </p>
      ) : (
        <>
          <div className="questions-toolbar">
            <p className="muted questions-count">
              {questions.length === 1 ? '1 question' : `${questions.length} questions`}, in the
              order you will ask them
            </p>
            <button
              type="button"
              className="button button-small"
              aria-disabled={alreadyGrouped}
              onClick={() => {
                if (alreadyGrouped) return;
                onChange(sorted);
                setAnnouncement('Questions are now grouped by category.');
              }}
            >
              Group by category
            </button>
          </div>
          <SortableList ids={ids} questions={questions} onMove={move}>
            {questions.map((question, index) => (
              <QuestionItem
                key={question.id}
                question={question}
                index={index}
                count={questions.length}
                onChange={(q) => update(index, q)}
                onMove={move}
                onRemove={remove}
              />
            ))}
          </SortableList>
        </>
      )}

      {removed ? (
        <div className="questions-undo" role="status">
          <span>Removed “{shortText(removed.question.text) || 'an empty question'}”.</span>
          <button
            ref={undoButton}
            type="button"
            className="button button-small"
            onClick={undoRemove}
          >
            Undo
          </button>
        </div>
      ) : null}

      {!hasReferralQuestion(questions) ? (
        <div className="questions-hint">
          <p>
            You have no ‘who else should I talk to?’ question. Asking for names is how one
            conversation leads to the next.
          </p>
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              append(
                makeQuestion(REFERRAL_QUESTION, 'resources', 2),
                `Added question ${questions.length + 1}: ${REFERRAL_QUESTION}`,
              )
            }
          >
            Add it
          </button>
        </div>
      ) : null}

      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      <AddQuestion onAdd={addWritten} />
      {pendingBank ? (
        <ClosedBankPrompt
          text={pendingBank.text}
          suggestion={pendingBank.suggestion}
          onSaveRewrite={(rewrite) => saveOpenVersion(pendingBank, rewrite)}
          onSaveAnyway={() => {
            saveWritten(pendingBank.text, pendingBank.category);
            setPendingBank(null);
          }}
          onDiscard={() => setPendingBank(null)}
        />
      ) : null}
      {bankNotice ? (
        <p className="field-error" role="alert">
          {bankNotice}
        </p>
      ) : null}

      <BankPicker
        bank={bank}
        loading={bankLoading}
        error={bankError}
        added={added}
        onAdd={addFromBank}
        onRetry={() => void loadBank(true)}
      />
    </div>
  );
}

interface SortableListProps {
  ids: string[];
  questions: Question[];
  onMove(from: number, to: number): void;
  children: ReactNode;
}

/**
 * The ordered list with dnd-kit: a pointer drag on the handle (after a 6 px move), or from the
 * keyboard: Space picks up, the up and down arrows choose a place one question at a time, Space
 * drops and Escape cancels, each step announced.
 */
function SortableList({ ids, questions, onMove, children }: SortableListProps) {
  /** Index a keyboard drag points at now; null while no keyboard drag is under way. */
  const keyboardTarget = useRef<number | null>(null);
  const idsRef = useRef(ids);
  useEffect(() => {
    idsRef.current = ids;
  });

  const coordinateGetter = useMemo<KeyboardCoordinateGetter>(
    () =>
      (event, { active: activeId, currentCoordinates, context }) => {
        const step = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0;
        // Only the keyboard sensor calls this; a key pressed before onDragStart ran still counts.
        const current = keyboardTarget.current ?? idsRef.current.indexOf(String(activeId));
        if (step === 0 || current < 0) return undefined;
        event.preventDefault();
        const next = current + step;
        const targetId = idsRef.current[next];
        if (targetId === undefined) return undefined;
        keyboardTarget.current = next;
        const rect = context.droppableRects.get(targetId);
        const active = context.collisionRect;
        if (rect && active && rect.height > 0) {
          const top = step > 0 ? rect.top + rect.height - active.height : rect.top;
          return { x: currentCoordinates.x, y: currentCoordinates.y + (top - active.top) };
        }
        // No layout (tests): still move, so dnd-kit recomputes what the question is over.
        return { x: currentCoordinates.x, y: currentCoordinates.y + step };
      },
    [],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] },
    }),
  );

  const collisionDetection = useMemo<CollisionDetection>(
    () => (args) => {
      const target = keyboardTarget.current;
      const targetId = target === null ? undefined : idsRef.current[target];
      if (targetId !== undefined) return [{ id: targetId }];
      return closestCenter(args);
    },
    [],
  );

  const announcements = useMemo<Announcements>(() => {
    const indexOf = (id: UniqueIdentifier) => ids.indexOf(String(id));
    const name = (id: UniqueIdentifier) => {
      const index = indexOf(id);
      const question = questions[index];
      return question ? questionName(question, index) : 'the question';
    };
    const place = (id: UniqueIdentifier | undefined) => (id === undefined ? -1 : indexOf(id) + 1);
    return {
      onDragStart: ({ active }) =>
        `Picked up ${name(active.id)}. Use the up and down arrow keys to move it, Space to drop, Escape to cancel.`,
      onDragOver: ({ active, over }) =>
        over
          ? `${upper(name(active.id))} is at position ${place(over.id)} of ${ids.length}.`
          : `${upper(name(active.id))} is not over the list.`,
      onDragEnd: ({ active, over }) =>
        over
          ? `${upper(name(active.id))} was dropped at position ${place(over.id)} of ${ids.length}.`
          : `${upper(name(active.id))} was dropped outside the list; nothing changed.`,
      onDragCancel: ({ active }) =>
        `Moving was cancelled. ${upper(name(active.id))} stays at position ${place(active.id)}.`,
    };
  }, [ids, questions]);

  const start = (event: DragStartEvent) => {
    const index = idsRef.current.indexOf(String(event.active.id));
    const keyboard = index >= 0 && event.activatorEvent instanceof KeyboardEvent;
    // An arrow key pressed before this ran has already chosen a place: keep it.
    keyboardTarget.current = keyboard ? (keyboardTarget.current ?? index) : null;
  };
  const end = (event: DragEndEvent) => {
    keyboardTarget.current = null;
    const from = idsRef.current.indexOf(String(event.active.id));
    const to = event.over ? idsRef.current.indexOf(String(event.over.id)) : -1;
    if (from >= 0 && to >= 0 && from !== to) onMove(from, to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={start}
      onDragEnd={end}
      onDragCancel={() => {
        keyboardTarget.current = null;
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="questions-list" aria-label="Questions for this meeting">
          {children}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
