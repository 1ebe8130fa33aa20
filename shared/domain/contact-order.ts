/**
 * The order contacts are listed in everywhere (main's lists, the board's columns, pickers): last
 * name, first name, company, ignoring case and accents; the id keeps the order stable. One copy, so
 * a contact the renderer inserts from a change event lands where main's next full list puts it.
 */
type Ordered = { id: string; firstName: string; lastName: string; company: string };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function compareContactsByName(a: Ordered, b: Ordered): number {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    collator.compare(a.company, b.company) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
