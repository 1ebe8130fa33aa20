import { useDraggable } from '@dnd-kit/core';
import { memo, useRef, type KeyboardEvent } from 'react';
import { MenuButton, type MenuButtonHandle } from '../../components/MenuButton.js';
import { contactMenuItems, MoreIcon } from './contact-actions.js';
import type { Stage } from '../../../shared/schema/entities.js';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import { fullName, responsivenessLabels, sourceShortLabels, titleAtCompany } from './labels.js';

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
      <span className="pipeline-card-name" dir="auto" title={fullName(contact)}>
        {fullName(contact)}
      </span>
      {detail ? (
        <span className="pipeline-card-detail" title={detail}>
          {detail}
        </span>
      ) : null}
      <span className="pipeline-card-meta">
        <span className="pipeline-card-source">{sourceShortLabels[contact.source.kind]}</span>
        {badge ? <span className={`badge badge-${contact.responsiveness}`}>{badge}</span> : null}
      </span>
    </>
  );
}

/**
 * One contact on the board. The card itself is the drag handle (dnd-kit gives it role=button and
 * the keyboard instructions) and opens the contact on click or Enter; its "…" menu (also on
 * right-click) opens, moves or deletes it without dragging.
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
  const menu = useRef<MenuButtonHandle>(null);
  const name = fullName(contact);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && !isDragging) {
      event.preventDefault();
      onOpen(contact.id);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  const items = contactMenuItems(contact, { onOpen, onMove });
  return (
    <div
      className={`pipeline-card${isDragging ? ' pipeline-card-dragging' : ''}`}
      onContextMenu={(event) => {
        event.preventDefault();
        menu.current?.open();
      }}
    >
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
      <MenuButton
        label={`Actions for ${name}`}
        items={items}
        handle={menu}
        floating
        className="pipeline-card-menu"
      >
        <MoreIcon />
      </MenuButton>
    </div>
  );
});
