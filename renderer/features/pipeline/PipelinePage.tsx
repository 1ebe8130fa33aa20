import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SourceKind, Stage } from '../../../shared/schema/entities.js';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { Loading } from '../../components/Loading.js';
import { useFocusOnNavigate, useFocusTarget } from '../../components/use-focus-on-navigate.js';
import { useContactsStore } from '../../stores/contacts-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { Board } from './Board.js';
import { ContactList } from './ContactList.js';
import { allStages, formatCount, sourceKinds, sourceLabels, stageLabels } from './labels.js';
import {
  distinct,
  filterContacts,
  noFilters,
  searchContacts,
  sortContacts,
  withNotesMatches,
  type ListFilters,
  type Sort,
  type SortKey,
} from './search.js';
import { useNotesSearch } from './use-notes-search.js';

export type PipelineViewKind = 'board' | 'list';

/** The view, search, filters and sort survive a visit to a contact and back. */
const remembered: {
  view: PipelineViewKind;
  query: string;
  filters: ListFilters;
  sort: Sort;
  collapseEmpty: boolean;
} = {
  view: 'board',
  query: '',
  filters: noFilters,
  sort: { key: 'name', direction: 'ascending' },
  collapseEmpty: false,
};

/** Back to the defaults; tests call it between cases. */
export function resetPipelineView(): void {
  remembered.view = 'board';
  remembered.query = '';
  remembered.filters = noFilters;
  remembered.sort = { key: 'name', direction: 'ascending' };
  remembered.collapseEmpty = false;
}

/** Container: the pipeline's toolbar, board or list, empty state and undo message. */
export function PipelinePage() {
  const contacts = useContactsStore((s) => s.contacts);
  const byStage = useContactsStore((s) => s.byStage);
  const loaded = useContactsStore((s) => s.loaded);
  const error = useContactsStore((s) => s.error);
  const notice = useContactsStore((s) => s.notice);
  const navigate = useUiStore((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);

  // Edit > Find from a screen without a search box lands in this one, once it is drawn.
  useFocusTarget(loaded);

  const [view, setView] = useState(remembered.view);
  const [query, setQuery] = useState(remembered.query);
  const [filters, setFilters] = useState(remembered.filters);
  const [sort, setSort] = useState(remembered.sort);
  const [collapseEmpty, setCollapseEmpty] = useState(remembered.collapseEmpty);
  useEffect(() => {
    Object.assign(remembered, { view, query, filters, sort, collapseEmpty });
  }, [view, query, filters, sort, collapseEmpty]);

  // Loaded once; main's change events keep the cache current between visits.
  useEffect(() => {
    void useContactsStore.getState().ensureLoaded();
  }, []);

  // Name, company and title are searched here, in the keystroke's own render, so the results are
  // never a frame behind the text (search.keystroke.median.ms in `npm run bench`); notes are
  // searched in main once typing pauses, and their matches join in when main answers.
  const notes = useNotesSearch(query, contacts);
  const notesIds = notes?.ids ?? null;

  // The list: sorting happens once per change of contacts or sort order; a keystroke only filters
  // the sorted array (filtering keeps the order), narrowing what the previous keystroke found.
  const sorted = useMemo(
    () => (view === 'list' ? sortContacts(contacts, sort) : contacts),
    [view, contacts, sort],
  );
  const listed = useMemo(
    () =>
      view === 'list'
        ? filterContacts(withNotesMatches(sorted, searchContacts(sorted, query), notesIds), filters)
        : sorted,
    [view, sorted, query, notesIds, filters],
  );
  // The board: the store's groups, each searched on its own. A moved card changes two groups;
  // the others keep their arrays (and their search results), so only two columns redraw.
  const groups = useMemo(
    () =>
      view === 'board'
        ? (Object.fromEntries(
            allStages.map((stage) => {
              const group = byStage[stage] ?? [];
              return [stage, withNotesMatches(group, searchContacts(group, query), notesIds)];
            }),
          ) as Record<Stage, readonly ContactSummary[]>)
        : null,
    [view, byStage, query, notesIds],
  );
  const shown = groups
    ? allStages.reduce((sum, stage) => sum + (groups[stage]?.length ?? 0), 0)
    : listed.length;
  const companies = useMemo(() => distinct(contacts.map((c) => c.company)), [contacts]);
  const tags = useMemo(() => distinct(contacts.flatMap((c) => c.tags)), [contacts]);

  const open = useCallback((id: string) => navigate(`contacts/${id}`), [navigate]);
  const move = useCallback(
    (id: string, stage: Stage) => void useContactsStore.getState().setStage(id, stage),
    [],
  );
  const toggleSort = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );

  const header = (
    <header className="page-header">
      <h1 className="page-title" ref={heading} tabIndex={-1}>
        Pipeline
      </h1>
    </header>
  );
  const messages = (
    <>
      {notice?.kind === 'error' ? (
        <ErrorMessage>
          <p>{notice.text}</p>
        </ErrorMessage>
      ) : null}
      <StatusMessage>{notice?.kind === 'success' ? notice.text : null}</StatusMessage>
    </>
  );

  if (!loaded) {
    return (
      <div className="page pipeline-page">
        {header}
        {error ? (
          <ErrorMessage>
            <p>Your contacts could not be loaded. {error}</p>
          </ErrorMessage>
        ) : (
          <Loading label="Loading your contacts…" size="page" />
        )}
      </div>
    );
  }

  if (contacts.length === 0) {
    return (
      <div className="page pipeline-page">
        {header}
        {messages}
        <div className="card card-accent pipeline-empty">
          <h2 className="card-title">No contacts yet</h2>
          <p className="card-text">
            Start with the people you already know: alumni, former colleagues, friends and family,
            members of your professional groups. Add them one by one, or bring in your LinkedIn
            connections.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => navigate('contacts/new')}
            >
              Add a contact
            </button>
            <button type="button" className="button" onClick={() => navigate('import')}>
              Import LinkedIn connections
            </button>
          </div>
        </div>
      </div>
    );
  }

  const filterSelect = (
    key: keyof ListFilters,
    label: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <div className="pipeline-filter">
      <label className="pipeline-filter-label" htmlFor={`pipeline-filter-${key}`}>
        {label}
      </label>
      <select
        id={`pipeline-filter-${key}`}
        className="input input-select"
        value={filters[key]}
        onChange={(event) => setFilters((f) => ({ ...f, [key]: event.target.value }))}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="page pipeline-page">
      {header}
      {messages}
      <div className="pipeline-toolbar">
        <div className="pipeline-toolbar-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => navigate('contacts/new')}
          >
            Add contact
          </button>
          <button type="button" className="button" onClick={() => navigate('import')}>
            Import or export…
          </button>
        </div>
        <div className="pipeline-view-switch" role="radiogroup" aria-label="View">
          {(['board', 'list'] as const).map((kind) => (
            <label key={kind} className="pipeline-view-option">
              <input
                type="radio"
                name="pipeline-view"
                value={kind}
                checked={view === kind}
                onChange={() => setView(kind)}
              />
              <span>{kind === 'board' ? 'Board' : 'List'}</span>
            </label>
          ))}
        </div>
        <div className="pipeline-search">
          <label className="visually-hidden" htmlFor="pipeline-search">
            Search contacts
          </label>
          <input
            id="pipeline-search"
            type="search"
            className="input"
            placeholder="Search name, company, title, notes"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      </div>
      {view === 'list' ? (
        <div className="pipeline-filters">
          {filterSelect(
            'stage',
            'Stage',
            allStages.map((s) => ({ value: s, label: stageLabels[s] })),
          )}
          {filterSelect(
            'source',
            'Source',
            sourceKinds.map((s: SourceKind) => ({ value: s, label: sourceLabels[s] })),
          )}
          {filterSelect(
            'company',
            'Company',
            companies.map((c) => ({ value: c, label: c })),
          )}
          {filterSelect(
            'tag',
            'Tag',
            tags.map((t) => ({ value: t, label: t })),
          )}
        </div>
      ) : null}
      <p className="pipeline-count" aria-live="polite">
        {shown === 0 && groups
          ? 'No contacts match. Clear the search or the filters to see everyone.'
          : shown === contacts.length
            ? `${formatCount(contacts.length)} ${contacts.length === 1 ? 'contact' : 'contacts'}`
            : `${formatCount(shown)} of ${formatCount(contacts.length)} contacts`}
        {notes?.truncated
          ? ' (more match in their notes than are shown: add a word to narrow the search)'
          : ''}
      </p>
      {groups ? (
        <>
          <button
            type="button"
            className="button button-small pipeline-collapse-toggle"
            aria-pressed={collapseEmpty}
            onClick={() => setCollapseEmpty((on) => !on)}
          >
            Collapse empty stages
          </button>
          <Board groups={groups} onOpen={open} onMove={move} collapseEmpty={collapseEmpty} />
        </>
      ) : (
        <ContactList
          contacts={listed}
          sort={sort}
          onSort={toggleSort}
          onOpen={open}
          onMove={move}
        />
      )}
    </div>
  );
}
