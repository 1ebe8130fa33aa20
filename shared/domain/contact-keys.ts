/**
 * Keys that say "this is the same person" across imports and the add-contact form. LinkedIn URLs
 * are compared without scheme, host variant, query, trailing slash or case; e-mails by lower
 * case; names and companies with accents, punctuation and company suffixes folded away.
 */
export function linkedinKey(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return null;
  const match = /linkedin\.com\/(in|pub)\/([^/?#]+)/i.exec(trimmed);
  if (!match) return null;
  let slug = match[2]!;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // keep the raw slug
  }
  return `${match[1]!.toLowerCase()}/${slug.toLowerCase()}`;
}

export function emailKey(email: string): string | null {
  const trimmed = email.trim().toLowerCase();
  return trimmed === '' ? null : trimmed;
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const companySuffix =
  /\s+(inc|llc|llp|lp|ltd|limited|corp|corporation|co|company|gmbh|ag|kg|sa|sas|sarl|srl|spa|nv|bv|plc|pty|pvt)$/;

/**
 * The key of a company name: folded as above, with the dots of abbreviations dropped first (so
 * "S.A." is "sa" and "J.P." is "jp") and legal-form suffixes ("Inc.", "GmbH", "S.A.") removed.
 * Bounded: names are 200 characters at most, and the input is cut before folding.
 */
export function companyKey(company: string): string {
  let key = fold(company.slice(0, 400).replace(/\./g, ''));
  while (companySuffix.test(key)) key = key.replace(companySuffix, '');
  return key;
}

/** Null when there is no company: a name alone is too weak to merge on. */
export function nameCompanyKey(first: string, last: string, company: string): string | null {
  const name = fold(`${first} ${last}`);
  const org = companyKey(company);
  return name === '' || org === '' ? null : `${name}|${org}`;
}
