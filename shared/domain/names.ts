/**
 * How people are named everywhere: on screen, in documents, in timeline lines and in file names.
 * One copy, so "Zoë Ångström" never reads "Zoë  Ångström" in one place and "Zoë" in another.
 */

type Named = { firstName: string; lastName: string };

/** "First Last", leaving out an empty part (no stray spaces). */
export function fullName(person: Named): string {
  return [person.firstName, person.lastName]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/** The first name, or a neutral stand-in when there is none (imports can leave it empty). */
export function firstNameOf(person: Pick<Named, 'firstName'>, fallback = 'this contact'): string {
  return person.firstName.trim() || fallback;
}

/**
 * "Director of Nursing, Northwind Health" (either part may be missing). Screens join the two with
 * a middle dot, documents with a comma.
 */
export function titleAtCompany(
  person: { title: string; company: string },
  separator = ', ',
): string {
  return [person.title, person.company]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(separator);
}

/** Names as a sentence lists them: "A", "A and B", "A, B and C". */
export function listOfNames(names: readonly string[]): string {
  const clean = names.map((name) => name.trim()).filter((name) => name !== '');
  if (clean.length <= 1) return clean[0] ?? '';
  return `${clean.slice(0, -1).join(', ')} and ${clean[clean.length - 1]}`;
}
