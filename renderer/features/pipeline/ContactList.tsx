import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type MouseEvent } from 'react';
import type { Stage } from '../../../shared/schema/entities.js';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import { ScrollArea } from '../../components/ScrollArea.js';
import { MenuButton, type MenuButtonHandle } from '../../components/MenuButton.js';
import { contactMenuItems, MoreIcon } from './contact-actions.js';
import { fullName, sourceShortLabels, stageLabels } from './labels.js';
import type { Sort, SortKey } from './search.js';

/** Above this many rows the table renders only what is in view. */
export const VIRTUALIZE_ROWS_ABOVE = 100;
const ROW_HEIGHT = 41;

const columns: readonly { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'company', label: 'Company' },
  { key: 'title', label: 'Title' },
  { key: 'stage', label: 'Stage' },
  { key: 'source', label: 'Source' },
  { key: 'updated', label: 'Last change' },
];

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const formatDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
};

interface ContactListProps {
  contacts: readonly ContactSummary[];
  sort: Sort;
  onSort(key: SortKey): void;
  onOpen(id: string): void;
  onMove(id: string, stage: Stage): void;
}

/** A row: the contact's fields, and its "…" menu (also on right-click anywhere in the row). */
const ContactRow = memo(function ContactRow({
  contact,
  rowIndex,
  onOpen,
  onMove,
}: {
  contact: ContactSummary;
  rowIndex: number;
  onOpen(id: string): void;
  onMove(id: string, stage: Stage): void;
}) {
  const menu = useRef<MenuButtonHandle>(null);
  return (
    <tr
      aria-rowindex={rowIndex}
      style={{ height: ROW_HEIGHT }}
      onContextMenu={(event) => {
        event.preventDefault();
        menu.current?.open();
      }}
    >
      <td>
        <a
          href={`#contacts/${contact.id}`}
          onClick={(event: MouseEvent<HTMLAnchorElement>) => {
            event.preventDefault();
            onOpen(contact.id);
          }}
        >
          <bdi>{fullName(contact)}</bdi>
        </a>
      </td>
      <td>{contact.company}</td>
      <td>{contact.title}</td>
      <td>{stageLabels[contact.stage]}</td>
      <td>{sourceShortLabels[contact.source.kind]}</td>
      <td>{formatDate(contact.updatedAt)}</td>
      <td className="pipeline-row-actions">
        <MenuButton
          label={`Actions for ${fullName(contact)}`}
          items={contactMenuItems(contact, { onOpen, onMove })}
          handle={menu}
          floating
          className="pipeline-card-menu"
        >
          <MoreIcon />
        </MenuButton>
      </td>
    </tr>
  );
});

/**
 * The list view: a real table so screen readers keep row and column navigation. Long lists keep
 * only the rows in view, with spacer rows above and below, and tell assistive technology the full
 * size through aria-rowcount and each row's aria-rowindex.
 */
export function ContactList({ contacts, sort, onSort, onOpen, onMove }: ContactListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = contacts.length > VIRTUALIZE_ROWS_ABOVE;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose
  const virtualizer = useVirtualizer({
    count: virtual ? contacts.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 800, height: 600 },
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const rows = items
    ? items.map((item) => ({ index: item.index, contact: contacts[item.index] }))
    : contacts.map((contact, index) => ({ index, contact }));
  const first = items?.[0];
  const last = items?.[items.length - 1];
  const padTop = first ? first.start : 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <ScrollArea label="Contacts" scrollRef={scrollRef} className="table-wrap pipeline-table-wrap">
      <table className="table pipeline-table" aria-rowcount={contacts.length + 1}>
        <caption className="visually-hidden">Contacts</caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => {
              const sorted = sort.key === column.key ? sort.direction : undefined;
              return (
                <th key={column.key} scope="col" aria-sort={sorted ?? 'none'}>
                  <button
                    type="button"
                    className="pipeline-sort"
                    onClick={() => onSort(column.key)}
                  >
                    {column.label}
                    <span className="pipeline-sort-arrow" aria-hidden="true">
                      {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true" className="pipeline-spacer">
              <td colSpan={columns.length + 1} style={{ height: padTop }} />
            </tr>
          ) : null}
          {rows.map(({ index, contact }) =>
            contact ? (
              <ContactRow
                key={contact.id}
                contact={contact}
                rowIndex={index + 2}
                onOpen={onOpen}
                onMove={onMove}
              />
            ) : null,
          )}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className="pipeline-spacer">
              <td colSpan={columns.length + 1} style={{ height: padBottom }} />
            </tr>
          ) : null}
          {contacts.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className="table-empty">
                No contacts match. Clear the search or the filters to see everyone.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </ScrollArea>
  );
}
