import { MODE_LABELS, meetingWhere } from '../../../shared/domain/arrival.js';
import {
  beforeMeetingText,
  contactName,
  formatters,
  meetingTimes,
  printedQuestions,
  titleAtCompany,
  type MeetingContext,
} from './meeting-context.js';

/** Everything user-typed goes through here: the page must show text, never run or load it. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"'`]/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[
        char
      ] ?? char,
  );
}

/**
 * Latin first, then CJK families that ship with Linux, Windows and macOS: Chromium picks a glyph
 * per character, so "Zoë Ångström" and "李雷" both print with the system's own fonts.
 */
const FONT_STACK = [
  'Inter',
  '"Segoe UI"',
  '"Helvetica Neue"',
  'Arial',
  '"Liberation Sans"',
  '"DejaVu Sans"',
  '"Noto Sans CJK SC"',
  '"WenQuanYi Micro Hei"',
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Hiragino Sans"',
  '"Apple SD Gothic Neo"',
  '"Malgun Gothic"',
  'sans-serif',
].join(', ');

/** Ruled lines under each question: enough for a few handwritten sentences. */
const LINES_PER_QUESTION = 5;

const lines = (count: number) => '<div class="line"></div>'.repeat(count);

/**
 * The meeting card and the question sheet as one self-contained HTML page: inline CSS only, no
 * scripts, no images, no external fonts or links to fetch, so the hidden renderer needs no network
 * and no JavaScript, and a hostile name cannot inject anything.
 */
export function packetHtml(context: MeetingContext): string {
  const { meeting, contact, settings } = context;
  const format = formatters(context.locale);
  const times = meetingTimes(context);
  const name = escapeHtml(contactName(contact));
  const role = escapeHtml(titleAtCompany(contact));
  const { place, link } = meetingWhere(meeting);
  const missing =
    meeting.mode === 'in-person' && place === ''
      ? 'place not set yet'
      : meeting.mode === 'video' && link === ''
        ? 'link not set yet'
        : '';
  const where = [MODE_LABELS[meeting.mode], place, link, missing].filter((part) => part !== '');

  const rows: [string, string][] = [
    ['When', `${format.dateTime(times.start)} · ${meeting.minutes} min`],
    ['Where', where.join(' · ')],
    ...beforeMeetingText(context).facts,
  ];
  const card = `<section class="card">
  <p class="kicker">Informational interview</p>
  <h1>${name}</h1>
  ${role === '' ? '' : `<p class="role">${role}</p>`}
  <table>${rows
    .map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`)
    .join('')}</table>
</section>`;

  const groups = printedQuestions(meeting, settings);
  const question = (q: { number: number; text: string }) =>
    `<div class="question"><p><span class="n">${q.number}.</span> ${escapeHtml(q.text)}</p>${lines(
      LINES_PER_QUESTION,
    )}</div>`;
  const questions =
    groups.length === 0
      ? `<p class="empty">No questions written yet. Use these lines for your own.</p>${lines(12)}`
      : groups
          .map((group) =>
            [
              // In the user's own order the list has one plain heading; grouped, one per topic.
              `<h2>${escapeHtml(group.label ?? 'Questions')}</h2>`,
              ...group.questions.map(question),
            ].join('\n'),
          )
          .join('\n');

  const footer = settings.profile.name.trim();
  return `<!doctype html>
<html lang="${escapeHtml(context.locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Packet - ${name}</title>
<style>
@page { size: ${settings.paperSize === 'Letter' ? 'letter' : 'A4'}; margin: 16mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT_STACK}; font-size: 11pt; color: #1a1a1a; line-height: 1.35; }
.card { border: 1.5pt solid #2f5496; border-radius: 6pt; padding: 10pt 14pt; margin-bottom: 14pt; break-inside: avoid; }
.kicker { margin: 0; font-size: 9pt; letter-spacing: 0.08em; text-transform: uppercase; color: #2f5496; }
h1 { margin: 2pt 0 0; font-size: 20pt; }
.role { margin: 2pt 0 6pt; font-size: 12pt; color: #404040; }
table { border-collapse: collapse; }
th { text-align: left; padding: 2pt 12pt 2pt 0; font-weight: 600; color: #404040; vertical-align: top; white-space: nowrap; }
td { padding: 2pt 0; overflow-wrap: anywhere; }
h2 { font-size: 13pt; color: #2f5496; margin: 14pt 0 4pt; break-after: avoid; }
.question { break-inside: avoid; margin-bottom: 6pt; }
.question p { margin: 6pt 0 0; font-weight: 600; overflow-wrap: anywhere; }
.n { color: #2f5496; }
.line { height: 22pt; border-bottom: 0.75pt solid #9a9a9a; margin-left: 14pt; }
.empty { color: #595959; font-style: italic; }
.owner { margin-top: 12pt; font-size: 9pt; color: #595959; }
</style>
</head>
<body>
${card}
${questions}
${footer === '' ? '' : `<p class="owner">${escapeHtml(footer)}</p>`}
</body>
</html>
`;
}
