import { useEffect, useMemo } from 'react';
import { employerIndex, employerKey } from '../../../shared/domain/employers.js';
import type { Contact } from '../../../shared/schema/entities.js';
import { useEmployersStore } from '../../stores/employers-store.js';

/**
 * Under the contact form's Company: which employer of the LAMP list the company links to, or that
 * saving adds it — by main's own rule (shared/domain/employers.ts): case, accents and suffixes
 * such as "Inc." are folded, and names merged into an employer count as its own.
 */
export function EmployerHint({ company, contact }: { company: string; contact: Contact | null }) {
  const rows = useEmployersStore((s) => s.rows);
  const loaded = useEmployersStore((s) => s.loaded);
  useEffect(() => {
    if (!useEmployersStore.getState().loaded) void useEmployersStore.getState().load();
  }, []);
  const index = useMemo(() => employerIndex(rows), [rows]);
  const key = employerKey(company);
  let text: string | null = null;
  if (key !== '' && loaded) {
    const kept =
      contact !== null &&
      employerKey(contact.company) === key &&
      (contact.employerId === null || rows.some((row) => row.id === contact.employerId));
    const linked = kept
      ? contact.employerId === null
        ? null
        : rows.find((row) => row.id === contact.employerId)
      : index.get(key);
    if (kept && contact.employerId === null) text = 'Not linked to an employer.';
    else if (linked) text = `Employer: ${linked.name}, on your LAMP list.`;
    else text = `Saving adds “${company.trim()}” to your employers (LAMP list).`;
  }
  return (
    <p className="field-hint employer-hint" aria-live="polite">
      {text}
    </p>
  );
}
