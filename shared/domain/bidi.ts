/**
 * Which way a piece of user text runs. Names, notes and questions may be Hebrew or Arabic; on
 * screen the browser decides per element (`dir="auto"`), in Word documents we must say it: a
 * paragraph whose first strong character is right-to-left is written as an RTL paragraph, so
 * "מאיה Okafor, 3 questions" reads in order. This follows the Unicode bidi algorithm's rule for
 * a paragraph's direction (P2/P3: the first strong character decides), over at most the first
 * `LOOK_AHEAD` characters so a huge text costs nothing.
 */

const LOOK_AHEAD = 2_000;

/** Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, and their presentation forms. */
function isRtlCode(code: number): boolean {
  return (
    (code >= 0x0590 && code <= 0x08ff) ||
    (code >= 0xfb1d && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc) ||
    (code >= 0x10800 && code <= 0x10fff) ||
    (code >= 0x1e800 && code <= 0x1efff)
  );
}

/** Letters of left-to-right scripts (Latin, Greek, Cyrillic, CJK...): anything alphabetic that is not RTL. */
function isLtrLetter(char: string, code: number): boolean {
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  // One character at a time: the pattern never sees more than a code point.
  return !isRtlCode(code) && /\p{L}/u.test(char);
}

/** 'rtl' or 'ltr' from the first strong character; 'neutral' when there is none (digits, punctuation). */
export function textDirection(text: string): 'rtl' | 'ltr' | 'neutral' {
  const end = Math.min(text.length, LOOK_AHEAD);
  for (let i = 0; i < end; i += 1) {
    const code = text.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(code);
    if (code > 0xffff) i += 1;
    if (isRtlCode(code)) return 'rtl';
    if (isLtrLetter(char, code)) return 'ltr';
  }
  return 'neutral';
}

/** True when the text starts (in reading order) with a right-to-left letter. */
export const isRtlText = (text: string): boolean => textDirection(text) === 'rtl';
