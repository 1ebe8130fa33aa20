import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useId, useRef, useState } from 'react';
import type { Stage } from '../../../shared/schema/entities.js';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import { ContactCard } from './ContactCard.js';
import { formatCount, stageLabels } from './labels.js';

/** Above this many cards a column renders only what is in view. */
export const VIRTUALIZE_ABOVE = 40;
/** Cards have a fixed height (text is cut with an ellipsis), so no measuring is needed. */
export const CARD_SLOT = 116;

interface BoardColumnProps {
  stage: Stage;
  contacts: readonly ContactSummary[];
  closed?: boolean;
  /** An empty open stage drawn as a narrow strip: its name and 0, nothing else. */
  collapsed?: boolean;
  onOpen(id: string): void;
  onMove(id: string, stage: Stage): void;
}

/**
 * One stage: a labelled region that is also a drop target. Closed stages start collapsed. Memoized:
 * a move redraws the two columns whose cards changed, not the whole board.
 */
export const BoardColumn = memo(function BoardColumn({
  stage,
  contacts,
  closed,
  collapsed = false,
  onOpen,
  onMove,
}: BoardColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const [expanded, setExpanded] = useState(!closed);
  const label = stageLabels[stage];
  const listId = useId();
  const count = contacts.length;
  return (
    <section
      ref={setNodeRef}
      aria-label={`${label} column`}
      className={`pipeline-column${closed ? ' pipeline-column-closed' : ''}${collapsed ? ' pipeline-column-collapsed' : ''}${isOver ? ' pipeline-column-over' : ''}`}
    >
      <header className="pipeline-column-header">
        <h2 className="pipeline-column-title">{label}</h2>
        <span className="pipeline-column-count">
          {formatCount(count)}
          <span className="visually-hidden">{count === 1 ? ' contact' : ' contacts'}</span>
        </span>
      </header>
      {closed ? (
        <button
          type="button"
          className="pipeline-column-toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setExpanded((v) => !v)}
        >
          {expanded ? `Hide ${label}` : `Show ${label}`}
        </button>
      ) : null}
      <div id={listId} hidden={!expanded || collapsed} className="pipeline-column-body-wrap">
        {expanded ? (
          count === 0 ? (
            <p className="pipeline-column-empty">{closed ? 'None' : 'Drop a card here'}</p>
          ) : count > VIRTUALIZE_ABOVE ? (
            <VirtualCards contacts={contacts} onOpen={onOpen} onMove={onMove} />
          ) : (
            <ul className="pipeline-column-body">
              {contacts.map((contact) => (
                <li key={contact.id} className="pipeline-card-item">
                  <ContactCard contact={contact} onOpen={onOpen} onMove={onMove} />
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </section>
  );
});

interface CardsProps {
  contacts: readonly ContactSummary[];
  onOpen(id: string): void;
  onMove(id: string, stage: Stage): void;
}

/** Long columns: only the cards in view (plus a few) are in the page. */
function VirtualCards({ contacts, onOpen, onMove }: CardsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose
  const virtualizer = useVirtualizer({
    count: contacts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_SLOT,
    overscan: 6,
    getItemKey: (index) => contacts[index]?.id ?? index,
    initialRect: { width: 220, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="pipeline-column-scroll">
      <ul
        className="pipeline-column-body pipeline-column-virtual"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const contact = contacts[item.index];
          if (!contact) return null;
          return (
            <li
              key={item.key}
              className="pipeline-card-item"
              style={{ height: CARD_SLOT, transform: `translateY(${item.start}px)` }}
            >
              <ContactCard contact={contact} onOpen={onOpen} onMove={onMove} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
