import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState, useEffect, type MouseEvent } from 'react';
import type { Contact, MeetingRecord } from '../../../shared/schema/entities.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { isPastMeeting, useMeetingsStore } from '../../stores/meetings-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { fullName } from '../pipeline/labels.js';
import { formatMeetingTime, minutesLabel, statusLabels, whereText } from './format.js';

/** What a row shows: the meeting's record (never its prep) and whom it is with. */
export interface MeetingRow {
  meeting: Pick<
    MeetingRecord,
    'id' | 'contactId' | 'start' | 'minutes' | 'mode' | 'place' | 'link' | 'status'
  >;
  contact: Pick<Contact, 'firstName' | 'lastName'>;
}

/** Above this many rows a section renders only the rows in view (and a few more). */
export const VIRTUALIZE_MEETINGS_ABOVE = 60;
/** A one-line row; rows are measured once drawn, so a wrapped one is still placed right. */
const ROW_ESTIMATE = 47;

interface MeetingsPageProps {
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

const systemNow = () => new Date();

/** Container: every meeting, upcoming first (soonest on top), then past ones (latest on top). */
export function MeetingsPage({ now = systemNow }: MeetingsPageProps) {
  const meetings = useMeetingsStore((s) => s.meetings);
  const loaded = useMeetingsStore((s) => s.loaded);
  const error = useMeetingsStore((s) => s.error);
  const load = useMeetingsStore((s) => s.load);
  const navigate = useUiStore((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);

  useEffect(() => {
    void load();
  }, [load]);

  const { upcoming, past } = useMemo(() => {
    const at = now().getTime();
    const rows: MeetingRow[] = meetings;
    const byStart = (a: MeetingRow, b: MeetingRow) =>
      a.meeting.start < b.meeting.start ? -1 : a.meeting.start > b.meeting.start ? 1 : 0;
    return {
      upcoming: rows.filter((m) => !isPastMeeting(m.meeting, at)).sort(byStart),
      past: rows.filter((m) => isPastMeeting(m.meeting, at)).sort((a, b) => byStart(b, a)),
    };
  }, [meetings, now]);

  const open = (id: string) => navigate(`meetings/${id}`);

  return (
    <div className="page meetings-page">
      <header className="page-header">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          Meetings
        </h1>
        <p className="page-lead">
          Open a meeting to prepare for it, take notes and print your packet.
        </p>
      </header>
      {error ? (
        <ErrorMessage>
          <p>Your meetings could not be loaded. {error}</p>
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => void load()}>
              Try again
            </button>
          </div>
        </ErrorMessage>
      ) : null}
      {!loaded && !error ? <Loading label="Loading your meetings…" size="page" /> : null}
      {loaded && meetings.length === 0 ? (
        <section className="card meetings-empty">
          <h2 className="card-title">No meetings yet</h2>
          <p className="card-text">
            When someone agrees to talk with you, open them from the pipeline and choose{' '}
            <strong>Schedule meeting</strong>. The meeting shows up here with its own prep
            workspace.
          </p>
          <button type="button" className="button" onClick={() => navigate('pipeline')}>
            Go to the pipeline
          </button>
        </section>
      ) : null}
      {loaded && meetings.length > 0 ? (
        <>
          <MeetingSection
            id="meetings-upcoming"
            title="Upcoming"
            empty="Nothing scheduled. Schedule a meeting from a contact’s page."
            meetings={upcoming}
            onOpen={open}
          />
          <MeetingSection
            id="meetings-past"
            title="Past"
            empty="No past meetings yet."
            meetings={past}
            onOpen={open}
          />
        </>
      ) : null}
    </div>
  );
}

interface MeetingSectionProps {
  id: string;
  title: string;
  empty: string;
  meetings: readonly MeetingRow[];
  onOpen(id: string): void;
}

/** One list of meetings; each row opens the meeting's prep workspace. */
export function MeetingSection({ id, title, empty, meetings, onOpen }: MeetingSectionProps) {
  return (
    <section className="meetings-section" aria-labelledby={id}>
      <h2 className="section-title" id={id}>
        {title} <span className="meetings-count">({meetings.length})</span>
      </h2>
      {meetings.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : meetings.length > VIRTUALIZE_MEETINGS_ABOVE ? (
        <VirtualMeetingList labelledBy={id} meetings={meetings} onOpen={onOpen} />
      ) : (
        <ul className="meeting-list" aria-labelledby={id}>
          {meetings.map((row) => (
            <MeetingItem key={row.meeting.id} row={row} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetingItem({
  row: { meeting, contact },
  onOpen,
  ...item
}: {
  row: MeetingRow;
  onOpen(id: string): void;
  'data-index'?: number;
  'aria-setsize'?: number;
  'aria-posinset'?: number;
  itemRef?: (element: HTMLLIElement | null) => void;
}) {
  const { itemRef, ...attributes } = item;
  return (
    <li ref={itemRef} {...attributes} className={`meeting-row meeting-row-${meeting.status}`}>
      <a
        className="meeting-row-name"
        href={`#meetings/${encodeURIComponent(meeting.id)}`}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => {
          event.preventDefault();
          onOpen(meeting.id);
        }}
      >
        <bdi>{fullName(contact)}</bdi>
      </a>
      <time className="meeting-row-time" dateTime={meeting.start}>
        {formatMeetingTime(meeting.start)}
      </time>
      <span className="meeting-row-length">{minutesLabel(meeting.minutes)}</span>
      <span className="meeting-row-place">
        {whereText(meeting) || <span className="muted">No place yet</span>}
      </span>
      <span className={`meeting-status meeting-status-${meeting.status}`}>
        {statusLabels[meeting.status]}
      </span>
    </li>
  );
}

/** The nearest ancestor that scrolls (the app's content pane), or the document. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return document.scrollingElement as HTMLElement | null;
}

/**
 * A long section: the rows scroll with the page (no box inside the page), but only those near the
 * view are in the document. The list keeps its full size for assistive technology through each
 * row's aria-setsize and aria-posinset, and spacing above and below keeps the scrollbar true.
 */
function VirtualMeetingList({
  labelledBy,
  meetings,
  onOpen,
}: {
  labelledBy: string;
  meetings: readonly MeetingRow[];
  onOpen(id: string): void;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  /** Where the list starts inside the scrolling pane (the rows' offsets count from there). */
  const [offset, setOffset] = useState(0);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const pane = scrollingAncestor(list);
    setScroller(pane);
    if (!pane) return;
    const measure = () =>
      setOffset(
        Math.round(
          list.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop,
        ),
      );
    measure();
    // A section above growing or shrinking (or a narrower window) moves this list down or up.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    if (pane.firstElementChild) observer.observe(pane.firstElementChild);
    return () => observer.disconnect();
  }, []);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render on purpose
  const virtualizer = useVirtualizer({
    count: meetings.length,
    getScrollElement: () => scroller,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin: offset,
    getItemKey: (index) => meetings[index]?.meeting.id ?? index,
    initialRect: { width: 800, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - offset : 0;
  const padBottom = last ? virtualizer.getTotalSize() - (last.end - offset) : 0;

  return (
    <ul
      ref={listRef}
      className="meeting-list"
      aria-labelledby={labelledBy}
      style={{ paddingTop: padTop, paddingBottom: padBottom }}
    >
      {items.map((item) => {
        const row = meetings[item.index];
        if (!row) return null;
        return (
          <MeetingItem
            key={item.key}
            row={row}
            onOpen={onOpen}
            data-index={item.index}
            aria-setsize={meetings.length}
            aria-posinset={item.index + 1}
            itemRef={virtualizer.measureElement}
          />
        );
      })}
    </ul>
  );
}
