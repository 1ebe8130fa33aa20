import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Stage } from '../../../shared/schema/entities.js';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import { BoardColumn } from './BoardColumn.js';
import { ContactCardBody } from './ContactCard.js';
import { allStages, closedStages, fullName, openStages, stageLabels } from './labels.js';

interface BoardProps {
  /**
   * The cards of each stage, as the contacts store groups them (searched, when there is a query).
   * A group that did not change is the same array as before, and its column does not redraw.
   */
  groups: Readonly<Record<Stage, readonly ContactSummary[]>>;
  onOpen(id: string): void;
  onMove(id: string, stage: Stage): void;
  /** Empty open stages drawn as narrow strips (still drop targets; full width while dragging). */
  collapseEmpty?: boolean;
}

const isStage = (id: UniqueIdentifier | undefined | null): id is Stage =>
  typeof id === 'string' && (allStages as readonly string[]).includes(id);

const screenReaderInstructions = {
  draggable:
    'To move this contact to another stage, press Space to pick it up, use the left and right arrow keys to choose a stage, then press Space to drop it or Escape to cancel. Press Enter to open the contact.',
};

/**
 * The board: a column per open stage and collapsed closed stages. Dragging uses dnd-kit with a
 * pointer sensor (a 6 px move starts a drag, so a click still opens the card) and a keyboard
 * sensor whose arrow keys jump from column to column instead of nudging by pixels.
 */
export function Board({ groups, onOpen, onMove, collapseEmpty = false }: BoardProps) {
  // Looked up only when a drag starts or is announced, so no index of every card is kept.
  const byId = useMemo(
    () => ({
      get(id: string): ContactSummary | undefined {
        for (const stage of allStages) {
          const found = groups[stage]?.find((c) => c.id === id);
          if (found) return found;
        }
        return undefined;
      },
    }),
    [groups],
  );
  const [active, setActive] = useState<ContactSummary | null>(null);
  /** Where a keyboard drag points now; null while no keyboard drag is under way. */
  const keyboardTarget = useRef<Stage | null>(null);
  const lastDragEnd = useRef(0);

  const coordinateGetter = useMemo<KeyboardCoordinateGetter>(
    () =>
      (event, { currentCoordinates, context }) => {
        const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
        const current = keyboardTarget.current;
        if (step === 0 || !current) return undefined;
        event.preventDefault();
        const next = allStages[allStages.indexOf(current) + step];
        if (!next) return undefined;
        keyboardTarget.current = next;
        const rect = context.droppableRects.get(next);
        if (rect && rect.width > 0) return { x: rect.left + 12, y: rect.top + 48 };
        // No layout (tests): still move, so dnd-kit recomputes what the card is over.
        return { x: currentCoordinates.x + step, y: currentCoordinates.y };
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
      if (target) return [{ id: target }];
      const within = pointerWithin(args);
      return within.length > 0 ? within : rectIntersection(args);
    },
    [],
  );

  const announcements = useMemo<Announcements>(() => {
    const name = (id: UniqueIdentifier) => {
      const contact = byId.get(String(id));
      return contact ? fullName(contact) : 'The contact';
    };
    const stageOf = (id: UniqueIdentifier) => {
      const stage = byId.get(String(id))?.stage;
      return stage ? stageLabels[stage] : 'its stage';
    };
    return {
      onDragStart: ({ active: a }) =>
        `Picked up ${name(a.id)}, in ${stageOf(a.id)}. Use the left and right arrow keys to choose a stage, Space to drop, Escape to cancel.`,
      onDragOver: ({ active: a, over }) =>
        isStage(over?.id)
          ? `${name(a.id)} is over ${stageLabels[over.id]}.`
          : `${name(a.id)} is not over a stage.`,
      onDragEnd: ({ active: a, over }) => {
        if (!isStage(over?.id))
          return `${name(a.id)} was dropped outside the stages; nothing changed.`;
        if (byId.get(String(a.id))?.stage === over.id) {
          return `${name(a.id)} stays in ${stageLabels[over.id]}.`;
        }
        // What main then did (the move, reminders cancelled) is said once it has saved it.
        return `Dropped ${name(a.id)} on ${stageLabels[over.id]}.`;
      },
      onDragCancel: ({ active: a }) =>
        `Moving ${name(a.id)} was cancelled. ${name(a.id)} stays in ${stageOf(a.id)}.`,
    };
  }, [byId]);

  const start = (event: DragStartEvent) => {
    const contact = byId.get(String(event.active.id)) ?? null;
    setActive(contact);
    keyboardTarget.current =
      contact && event.activatorEvent instanceof KeyboardEvent ? contact.stage : null;
  };
  const finish = () => {
    setActive(null);
    keyboardTarget.current = null;
    lastDragEnd.current = Date.now();
  };
  const end = (event: DragEndEvent) => {
    finish();
    const contact = byId.get(String(event.active.id));
    const target = event.over?.id;
    if (contact && isStage(target) && target !== contact.stage) onMove(contact.id, target);
  };
  /** A pointer drag ends with a click on the card; that click must not open the contact. */
  const open = useCallback(
    (id: string) => {
      if (Date.now() - lastDragEnd.current > 150) onOpen(id);
    },
    [onOpen],
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={start}
      onDragEnd={end}
      onDragCancel={finish}
    >
      <div className="pipeline-board">
        {openStages.map((stage) => (
          <BoardColumn
            key={stage}
            stage={stage}
            contacts={groups[stage]}
            onOpen={open}
            onMove={onMove}
            collapsed={collapseEmpty && active === null && groups[stage].length === 0}
          />
        ))}
        <div className="pipeline-closed" role="group" aria-label="Closed">
          {closedStages.map((stage) => (
            <BoardColumn
              key={stage}
              stage={stage}
              contacts={groups[stage]}
              closed
              onOpen={open}
              onMove={onMove}
            />
          ))}
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {active ? (
          <div className="pipeline-card pipeline-card-overlay">
            <div className="pipeline-card-handle">
              <ContactCardBody contact={active} />
            </div>
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
