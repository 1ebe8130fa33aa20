import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import { fullName, titleAtCompany } from '../pipeline/labels.js';
import { searchContacts } from '../pipeline/search.js';

interface ReferrerPickerProps {
  contacts: readonly ContactSummary[];
  value: string | null;
  /** The contact being edited, which cannot refer itself. */
  selfId: string | null;
  onChange(id: string | null): void;
}

const MAX_OPTIONS = 8;

/**
 * "Referred by": a combobox (WAI-ARIA list autocomplete) over the contacts. Typing filters with
 * the same search as the pipeline; arrows move, Enter picks, Escape closes.
 */
export function ReferrerPicker({ contacts, value, selfId, onChange }: ReferrerPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const selected = value ? contacts.find((c) => c.id === value) : undefined;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);

  const options = useMemo(() => {
    if (!open) return [];
    const others = contacts.filter((c) => c.id !== selfId);
    return searchContacts(others, query).slice(0, MAX_OPTIONS);
  }, [open, contacts, selfId, query]);

  const pick = (contact: ContactSummary) => {
    onChange(contact.id);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActiveIndex((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) pick(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="field referrer-picker">
      <label className="field-label" htmlFor={id}>
        Referred by
      </label>
      <p className="field-hint" id={hintId}>
        {selected
          ? `Now: ${fullName(selected)}. Type to choose someone else.`
          : 'Type a name or company to find the contact who introduced you.'}
      </p>
      <div className="referrer-row">
        <input
          id={id}
          className="input"
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-describedby={hintId}
          aria-activedescendant={
            open && options[activeIndex] ? `${id}-option-${activeIndex}` : undefined
          }
          autoComplete="off"
          placeholder={selected ? fullName(selected) : 'Search contacts'}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {selected ? (
          <button
            type="button"
            className="button button-small"
            onClick={() => onChange(null)}
            aria-label={`Clear referred by ${fullName(selected)}`}
          >
            Clear
          </button>
        ) : null}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Contacts"
        className="referrer-options"
        hidden={!open || options.length === 0}
      >
        {options.map((contact, index) => (
          <li
            key={contact.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className="referrer-option"
            onMouseDown={(event) => {
              event.preventDefault();
              pick(contact);
            }}
          >
            <span className="referrer-option-name" dir="auto">
              {fullName(contact)}
            </span>
            <span className="referrer-option-detail">{titleAtCompany(contact)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
