import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type MouseEvent } from 'react';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
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
}

/**
 * The list view: a real table so screen readers keep row and column navigation. Long lists keep
 * only the rows in view, with spacer rows above and below, and tell assistive technology the full
 * size through aria-rowcount and each row's aria-rowindex.
 */
export function ContactList({ contacts, sort, onSort, onOpen }: ContactListProps) {
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

  const open = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onOpen(id);
  };

  return (
    <div ref={scrollRef} className="table-wrap pipeline-table-wrap">
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
          </tr>
        </thead>
        <tbody>
          {padTop > 0 ? (
            <tr aria-hidden="true" className="pipeline-spacer">
              <td colSpan={columns.length} style={{ height: padTop }} />
            </tr>
          ) : null}
          {rows.map(({ index, contact }) =>
            contact ? (
              <tr key={contact.id} aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }}>
                <td>
                  <a href={`#contacts/${contact.id}`} onClick={open(contact.id)}>
                    <bdi>{fullName(contact)}</bdi>
                  </a>
                </td>
                <td>{contact.company}</td>
                <td>{contact.title}</td>
                <td>{stageLabels[contact.stage]}</td>
                <td>{sourceShortLabels[contact.source.kind]}</td>
                <td>{formatDate(contact.updatedAt)}</td>
              </tr>
            ) : null,
          )}
          {padBottom > 0 ? (
            <tr aria-hidden="true" className="pipeline-spacer">
              <td colSpan={columns.length} style={{ height: padBottom }} />
            </tr>
          ) : null}
          {contacts.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                No contacts match. Clear the search or the filters to see everyone.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
