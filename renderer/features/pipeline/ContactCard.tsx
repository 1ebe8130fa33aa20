import { useDraggable } from '@dnd-kit/core';
import { memo, type KeyboardEvent } from 'react';
import type { Stage } from '../../../shared/schema/entities.js';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import {
  allStages,
  fullName,
  responsivenessLabels,
  sourceShortLabels,
  stageLabels,
  titleAtCompany,
} from './labels.js';

interface ContactCardProps {
  contact: ContactSummary;
  onOpen(id: string): void;
  onMove(id: string, stage: Stage): void;
}

/** What a card shows; also drawn in the drag overlay, so it takes no dnd state. */
export function ContactCardBody({ contact }: { contact: ContactSummary }) {
  const badge = responsivenessLabels[contact.responsiveness];
  const detail = titleAtCompany(contact);
  return (
    <>
      <span className="pipeline-card-name" dir="auto">
        {fullName(contact)}
      </span>
      {detail ? <span className="pipeline-card-detail">{detail}</span> : null}
      <span className="pipeline-card-meta">
        <span className="pipeline-card-source">{sourceShortLabels[contact.source.kind]}</span>
        {badge ? <span className={`badge badge-${contact.responsiveness}`}>{badge}</span> : null}
      </span>
    </>
  );
}

/**
 * One contact on the board. The card itself is the drag handle (dnd-kit gives it role=button and
 * the keyboard instructions) and opens the contact on click or Enter; the "Move to" select next to
 * it is the plain alternative to dragging.
 */
export const ContactCard = memo(function ContactCard({
  contact,
  onOpen,
  onMove,
}: ContactCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: contact.id,
    data: { stage: contact.stage },
  });
  const name = fullName(contact);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !isDragging) {
      event.preventDefault();
      onOpen(contact.id);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  return (
    <div className={`pipeline-card${isDragging ? ' pipeline-card-dragging' : ''}`}>
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-roledescription="draggable contact"
        className="pipeline-card-handle"
        onKeyDown={onKeyDown}
        onClick={() => onOpen(contact.id)}
      >
        <ContactCardBody contact={contact} />
      </div>
      <select
        className="pipeline-card-move"
        aria-label={`Move ${name} to stage`}
        value={contact.stage}
        onChange={(event) => onMove(contact.id, event.target.value as Stage)}
      >
        {allStages.map((stage) => (
          <option key={stage} value={stage}>
            {stage === contact.stage ? `In ${stageLabels[stage]}` : `Move to ${stageLabels[stage]}`}
          </option>
        ))}
      </select>
    </div>
  );
});
