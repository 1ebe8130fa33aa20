import { useEffect, useMemo, useRef, useState } from 'react';
import type { InsightsPeriod } from '../../../shared/contract.js';
import type { FunnelStepName, Insights, Responsiveness } from '../../../shared/domain/insights.js';
import { sourceLabels } from '../../../shared/domain/sources.js';
import type { SourceKind } from '../../../shared/schema/entities.js';
import { stageLabel } from '../../../shared/domain/stages.js';
import { THANK_YOU_WINDOW_HOURS } from '../../../shared/domain/reminder-policy.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useInsightsStore } from '../../stores/insights-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { readPalette, type Palette } from './chart-export.js';
import { ChartCard } from './ChartCard.js';
import { HorizontalBars, ReferralGraph, WeeklyColumns, useWidth } from './charts.js';
import { drawnPart, layoutNetwork } from './network-layout.js';

const periods: { value: InsightsPeriod; label: string }[] = [
  { value: '4w', label: 'Last 4 weeks' },
  { value: '12w', label: 'Last 12 weeks' },
  { value: '26w', label: 'Last 26 weeks' },
  { value: '52w', label: 'Last 52 weeks' },
  { value: 'all', label: 'Everything' },
];

const stepLabels: Record<FunnelStepName, string> = {
  outreach: 'Outreach sent',
  reply: 'Replied',
  meeting: 'Met',
  'thank-you': 'Thanked',
  referral: 'Referred someone',
};

const responsivenessLabels: Record<Responsiveness, string> = {
  booster: 'Booster',
  obligate: 'Obligate',
  curmudgeon: 'Curmudgeon',
  unknown: 'Not known yet',
};

/** Source names short enough to label a bar (the table and the summary use the full ones). */
const shortSources: Record<SourceKind, string> = {
  alumni: 'Alumni',
  'professional-org': 'Organizations',
  'former-colleague': 'Former colleagues',
  'family-friends': 'Family, friends',
  referral: 'Referrals',
  other: 'Other',
};

const pct = (value: number | null) => (value === null ? '–' : `${value}%`);
const weekLabel = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(
    new Date(y ?? 0, (m ?? 1) - 1, d ?? 1),
  );
};

/** The theme's colours, read again when the system switches light and dark. */
function usePalette(): Palette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    const update = () => setPalette(readPalette());
    query?.addEventListener('change', update);
    return () => query?.removeEventListener('change', update);
  }, []);
  return palette;
}

/**
 * Insights: the search at a glance — the funnel, contacts by stage, each week against the weekly
 * goal, who answers (by warm source), thank-yous within 24 hours, and who led to whom. Every chart
 * has its figures in a sentence and a table, and saves as PNG and CSV.
 */
export function InsightsPage() {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  const insights = useInsightsStore((s) => s.insights);
  const period = useInsightsStore((s) => s.period);
  const error = useInsightsStore((s) => s.error);
  const palette = usePalette();

  useEffect(() => {
    void useInsightsStore.getState().load();
  }, []);

  useEffect(() => {
    if (insights !== null) performance.mark('rapport:insights-painted');
  }, [insights]);

  return (
    <div className="page insights-page">
      <header className="page-header insights-header">
        <div>
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            Insights
          </h1>
          <p className="page-lead">Your search at a glance. Every chart can be read as a table.</p>
        </div>
        <label className="insights-period">
          <span className="field-label">Period</span>
          <select
            className="input"
            value={period}
            onChange={(event) =>
              void useInsightsStore.getState().load(event.target.value as InsightsPeriod)
            }
          >
            {periods.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </header>
      {error ? (
        <ErrorMessage>
          <p>Your figures could not be worked out. {error}</p>
        </ErrorMessage>
      ) : null}
      {insights === null && !error ? (
        <Loading label="Working out your figures…" size="page" />
      ) : null}
      {insights ? <Charts insights={insights} palette={palette} /> : null}
    </div>
  );
}

function Charts({ insights, palette }: { insights: Insights; palette: Palette }) {
  const { funnel, stages, weeks, replies, thanks } = insights;
  // The goals as main counted them for the newest week (Settings > Preferences sets them).
  const goal = weeks.at(-1)?.goal ?? { outreach: 0, meetings: 0 };
  const navigate = useUiStore((s) => s.navigate);
  const [first, ...rest] = funnel;

  const funnelSummary =
    first === undefined || first.contacts === 0
      ? 'No outreach e-mail was sent in this period yet.'
      : `Of ${first.contacts} ${first.contacts === 1 ? 'person' : 'people'} first written to in this period, ${rest
          .map(
            (step) =>
              `${step.contacts} ${stepLabels[step.step].toLowerCase()} (${pct(step.conversion)})`,
          )
          .join(', ')}.`;

  const thisWeek = weeks.at(-1);
  const atGoal = weeks.filter(
    (w) => w.outreach >= w.goal.outreach && w.meetings >= w.goal.meetings,
  ).length;
  const weeksSummary =
    thisWeek === undefined
      ? 'No weeks in this period.'
      : `This week: ${thisWeek.outreach} of ${thisWeek.goal.outreach} outreach e-mails and ${thisWeek.meetings} of ${thisWeek.goal.meetings} meetings. Both goals met in ${atGoal} of ${weeks.length} weeks.`;

  const bestSource = [...replies.bySource].sort((a, b) => b.meetings - a.meetings)[0];
  const repliesSummary = `Reply rate ${pct(replies.rate)} (${replies.replied} of ${replies.outreach} written to in this period). ${
    bestSource && bestSource.meetings > 0
      ? `${sourceLabels[bestSource.kind]} led to the most meetings (${bestSource.meetings}).`
      : 'No meetings held in this period yet.'
  }`;
  const split = replies.byResponsiveness;
  const splitSummary = `${split
    .map((row) => `${responsivenessLabels[row.responsiveness]}: ${row.contacts}`)
    .join(', ')}.`;

  const closed = thanks.held - thanks.waiting;
  const thanksSummary =
    thanks.held === 0
      ? 'No meetings held in this period yet.'
      : `${thanks.onTime} of ${closed} thank-you notes went out within ${THANK_YOU_WINDOW_HOURS} hours (${pct(thanks.share)})${
          thanks.waiting > 0 ? `; ${thanks.waiting} can still be sent in time` : ''
        }${thanks.late.length > 0 ? `; ${thanks.late.length} late or not sent` : ''}.`;

  return (
    <div className="insights-grid">
      <ChartCard
        title="Funnel"
        summary={funnelSummary}
        table={{
          headers: ['Step', 'People', 'From the step before'],
          rows: funnel.map((step) => [stepLabels[step.step], step.contacts, pct(step.conversion)]),
        }}
      >
        <HorizontalBars
          label="Funnel"
          palette={palette}
          data={funnel.map((step) => ({
            label: stepLabels[step.step],
            value: step.contacts,
            ...(step.conversion === null ? {} : { note: `${step.conversion}%` }),
          }))}
        />
      </ChartCard>
      <ChartCard
        title="Contacts by stage"
        summary={`${stages.reduce((sum, s) => sum + s.count, 0)} contacts: ${stages
          .filter((s) => s.count > 0)
          .map((s) => `${s.count} ${stageLabel(s.stage)}`)
          .join(', ')}.`}
        table={{
          headers: ['Stage', 'Contacts'],
          rows: stages.map((s) => [stageLabel(s.stage), s.count]),
        }}
      >
        <HorizontalBars
          label="Contacts by stage"
          palette={palette}
          color={2}
          data={stages.map((s) => ({ label: stageLabel(s.stage), value: s.count }))}
        />
      </ChartCard>
      <ChartCard
        title="Outreach and meetings per week"
        summary={weeksSummary}
        table={{
          headers: ['Week of', 'Outreach e-mails', 'Goal', 'Meetings held', 'Goal'],
          rows: weeks.map((w) => [
            weekLabel(w.start),
            w.outreach,
            w.goal.outreach,
            w.meetings,
            w.goal.meetings,
          ]),
        }}
      >
        <WeeklyColumns
          label="Outreach and meetings per week"
          palette={palette}
          series={['Outreach e-mails', 'Meetings held']}
          goals={[goal.outreach, goal.meetings]}
          data={weeks.map((w) => ({ label: weekLabel(w.start), values: [w.outreach, w.meetings] }))}
        />
      </ChartCard>
      <ChartCard
        title="Replies and meetings by source"
        summary={repliesSummary}
        table={{
          headers: [
            'Source',
            'Contacts',
            'Written to',
            'Replied',
            'Reply rate',
            'Meetings held',
            'Boosters',
            'Obligates',
            'Curmudgeons',
          ],
          rows: replies.bySource.map((row) => [
            sourceLabels[row.kind],
            row.contacts,
            row.outreach,
            row.replied,
            pct(row.replyRate),
            row.meetings,
            row.responsiveness.booster,
            row.responsiveness.obligate,
            row.responsiveness.curmudgeon,
          ]),
        }}
      >
        <HorizontalBars
          label="Meetings held by source"
          palette={palette}
          color={1}
          data={replies.bySource.map((row) => ({
            label: shortSources[row.kind],
            value: row.meetings,
            note: `${pct(row.replyRate)} replied`,
          }))}
        />
      </ChartCard>
      <ChartCard
        title="Booster, Obligate, Curmudgeon"
        summary={splitSummary}
        table={{
          headers: ['Label', 'Contacts', 'Written to', 'Replied', 'Meetings held'],
          rows: split.map((row) => [
            responsivenessLabels[row.responsiveness],
            row.contacts,
            row.outreach,
            row.replied,
            row.meetings,
          ]),
        }}
      >
        <HorizontalBars
          label="Contacts by responsiveness"
          palette={palette}
          data={split.map((row) => ({
            label: responsivenessLabels[row.responsiveness],
            value: row.contacts,
          }))}
        />
      </ChartCard>
      <ChartCard
        title={`Thank-you notes within ${THANK_YOU_WINDOW_HOURS} hours`}
        summary={thanksSummary}
        table={{
          headers: ['Person', 'Meeting ended', 'Thank-you sent', 'Hours late'],
          rows: thanks.late.map((gap) => [
            gap.contactName,
            new Date(gap.end).toLocaleString(),
            gap.sentAt === null ? 'Not sent' : new Date(gap.sentAt).toLocaleString(),
            gap.hoursLate ?? '–',
          ]),
        }}
      >
        <HorizontalBars
          label={`Thank-you notes within ${THANK_YOU_WINDOW_HOURS} hours`}
          palette={palette}
          color={2}
          data={[
            { label: 'On time', value: thanks.onTime },
            { label: 'Late or not sent', value: thanks.late.length, color: 1 },
            { label: 'Still in time', value: thanks.waiting, color: 0 },
          ]}
        />
        {thanks.late.length > 0 ? (
          <ul className="insights-late" aria-label="Late or not sent">
            {thanks.late.slice(0, 8).map((gap) => (
              <li key={`${gap.contactId}-${gap.end}`}>
                <a
                  href={`#contacts/${encodeURIComponent(gap.contactId)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(`contacts/${gap.contactId}`);
                  }}
                >
                  {gap.contactName}
                </a>{' '}
                <span className="muted">
                  {gap.sentAt === null ? 'not sent' : `${gap.hoursLate} hours late`}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </ChartCard>
      <NetworkCard
        insights={insights}
        palette={palette}
        onOpen={(id) => navigate(`contacts/${id}`)}
      />
    </div>
  );
}

function NetworkCard({
  insights,
  palette,
  onOpen,
}: {
  insights: Insights;
  palette: Palette;
  onOpen(id: string): void;
}) {
  const { network } = insights;
  const { ref, width } = useWidth<HTMLDivElement>(720);
  const drawn = useMemo(() => drawnPart(network), [network]);
  // Laid out after the other charts are on screen: the page does not wait for the graph.
  const [layout, setLayout] = useState<ReturnType<typeof layoutNetwork> | null>(null);
  useEffect(() => {
    // In idle time after the first paint (a layout of 150 people takes ~45 ms).
    const run = () => setLayout(layoutNetwork(drawn, width));
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: 1_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }, [drawn, width]);
  const names = new Map(network.nodes.map((node) => [node.id, node.name]));
  const summary =
    network.edges.length === 0
      ? 'Nobody has referred anyone yet: when a contact is referred by another, they show here.'
      : `${network.edges.length} ${network.edges.length === 1 ? 'introduction' : 'introductions'} among ${network.nodes.length} people.${
          drawn.nodes.length < network.nodes.length
            ? ` The picture shows the largest referral trees (${drawn.nodes.length} people); the table lists everyone.`
            : ''
        } Select a person to open them.`;
  return (
    <ChartCard
      title="Referral network"
      summary={summary}
      table={{
        headers: ['Person', 'Referred by'],
        rows: network.edges.map((edge) => [names.get(edge.to) ?? '', names.get(edge.from) ?? '']),
      }}
    >
      <div ref={ref}>
        {network.edges.length > 0 && layout !== null ? (
          <ReferralGraph
            label="Referral network: who led to whom"
            nodes={layout.nodes}
            edges={drawn.edges}
            size={layout.size}
            palette={palette}
            onOpen={onOpen}
          />
        ) : null}
      </div>
    </ChartCard>
  );
}
