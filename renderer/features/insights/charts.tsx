import { useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import type { Palette } from './chart-export.js';

/** The width the chart has to draw in, following the window. */
export function useWidth<T extends HTMLElement>(fallback = 640) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(280, Math.floor(element.clientWidth)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

export interface BarDatum {
  label: string;
  value: number;
  /** Said after the value ("48%"), e.g. a conversion from the bar before. */
  note?: string;
  /** This bar's series colour, when it is not the chart's. */
  color?: number;
}

/**
 * Horizontal bars, one per row, labelled on the left with their value at the end: the funnel,
 * stages, sources. The picture is decorative for assistive technology (role img with a label):
 * the card's summary and its table toggle carry the figures.
 */
export function HorizontalBars({
  data,
  palette,
  label,
  color = 0,
}: {
  data: readonly BarDatum[];
  palette: Palette;
  label: string;
  color?: number;
}) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const row = 30;
  const labelWidth = Math.min(180, Math.round(width * 0.3));
  const valueWidth = data.some((d) => d.note) ? 150 : 60;
  const height = Math.max(row, data.length * row) + 8;
  const x = scaleLinear({
    domain: [0, Math.max(1, ...data.map((d) => d.value))],
    range: [0, Math.max(40, width - labelWidth - valueWidth)],
  });
  const y = scaleBand({ domain: data.map((d) => d.label), range: [4, height - 4], padding: 0.25 });
  return (
    <div ref={ref} className="insights-chart">
      <svg width={width} height={height} role="img" aria-label={label}>
        <Group left={labelWidth}>
          {data.map((d) => {
            const top = y(d.label) ?? 0;
            const barWidth = x(d.value);
            return (
              <g key={d.label}>
                <text
                  x={-8}
                  y={top + y.bandwidth() / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fill={palette.text}
                  fontSize={13}
                >
                  {d.label}
                </text>
                <Bar
                  x={0}
                  y={top}
                  width={Math.max(d.value > 0 ? 2 : 0, barWidth)}
                  height={y.bandwidth()}
                  rx={3}
                  fill={palette.bars[(d.color ?? color) % palette.bars.length]}
                />
                <text
                  x={barWidth + 6}
                  y={top + y.bandwidth() / 2}
                  dominantBaseline="middle"
                  fill={palette.text}
                  fontSize={13}
                >
                  {d.value}
                  {d.note ? <tspan fill={palette.muted}>{`  ${d.note}`}</tspan> : null}
                </text>
              </g>
            );
          })}
        </Group>
      </svg>
    </div>
  );
}

export interface WeekDatum {
  label: string;
  values: number[];
}

/**
 * Columns per week, two side by side (outreach e-mails, meetings held), with a dashed line at
 * each weekly goal in the colour of its series; a legend names both.
 */
export function WeeklyColumns({
  data,
  series,
  goals,
  palette,
  label,
}: {
  data: readonly WeekDatum[];
  series: readonly string[];
  goals: readonly number[];
  palette: Palette;
  label: string;
}) {
  const { ref, width } = useWidth<HTMLDivElement>();
  const height = 220;
  const margin = { top: 12, right: 12, bottom: 34, left: 36 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const top = Math.max(1, ...goals, ...data.flatMap((d) => d.values));
  const x = scaleBand({ domain: data.map((d) => d.label), range: [0, innerWidth], padding: 0.25 });
  const inner = scaleBand({
    domain: series.map((_, i) => String(i)),
    range: [0, x.bandwidth()],
    padding: 0.1,
  });
  const y = scaleLinear({ domain: [0, top], range: [innerHeight, 0], nice: true });
  const ticks = y.ticks(Math.min(5, top));
  const every = Math.max(1, Math.ceil(data.length / Math.max(1, Math.floor(innerWidth / 64))));
  return (
    <div ref={ref} className="insights-chart">
      <ul className="insights-legend">
        {series.map((name, i) => (
          <li key={name}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" rx="2" fill={palette.bars[i % palette.bars.length]} />
            </svg>{' '}
            {name} (goal {goals[i] ?? 0} a week)
          </li>
        ))}
      </ul>
      <svg width={width} height={height} role="img" aria-label={label}>
        <Group left={margin.left} top={margin.top}>
          {ticks.map((tick) => (
            <g key={tick}>
              <Line
                from={{ x: 0, y: y(tick) }}
                to={{ x: innerWidth, y: y(tick) }}
                stroke={palette.grid}
              />
              <text
                x={-6}
                y={y(tick)}
                textAnchor="end"
                dominantBaseline="middle"
                fill={palette.muted}
                fontSize={11}
              >
                {tick}
              </text>
            </g>
          ))}
          {data.map((d, index) => (
            <g key={d.label} transform={`translate(${x(d.label) ?? 0},0)`}>
              {d.values.map((value, i) => (
                <Bar
                  key={i}
                  x={inner(String(i)) ?? 0}
                  y={y(value)}
                  width={inner.bandwidth()}
                  height={innerHeight - y(value)}
                  fill={palette.bars[i % palette.bars.length]}
                  rx={2}
                />
              ))}
              {index % every === 0 ? (
                <text
                  x={x.bandwidth() / 2}
                  y={innerHeight + 18}
                  textAnchor="middle"
                  fill={palette.muted}
                  fontSize={11}
                >
                  {d.label}
                </text>
              ) : null}
            </g>
          ))}
          {goals.map((goal, i) =>
            goal > 0 ? (
              <Line
                key={i}
                from={{ x: 0, y: y(goal) }}
                to={{ x: innerWidth, y: y(goal) }}
                stroke={palette.bars[i % palette.bars.length]}
                strokeDasharray="5 4"
                strokeWidth={1.5}
              />
            ) : null,
          )}
        </Group>
      </svg>
    </div>
  );
}

export interface GraphNode {
  id: string;
  name: string;
  x: number;
  y: number;
}

/**
 * Who led to whom: a node per person, an arrow from the one who referred to the one referred.
 * Each person is a link (Tab reaches them, Enter opens the contact).
 */
export function ReferralGraph({
  nodes,
  edges,
  size,
  palette,
  label,
  onOpen,
}: {
  nodes: readonly GraphNode[];
  edges: readonly { from: string; to: string }[];
  size: { width: number; height: number };
  palette: Palette;
  label: string;
  onOpen(id: string): void;
}) {
  const at = new Map(nodes.map((node) => [node.id, node]));
  const open = (id: string) => (event: MouseEvent<Element>) => {
    event.preventDefault();
    onOpen(id);
  };
  return (
    <div className="insights-chart insights-graph">
      <svg
        viewBox={`0 0 ${size.width} ${size.height}`}
        width="100%"
        height={size.height}
        role="group"
        aria-label={label}
      >
        <defs>
          <marker
            id="insights-arrow"
            viewBox="0 0 10 10"
            refX="19"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" fill={palette.muted} />
          </marker>
        </defs>
        {edges.map((edge) => {
          const from = at.get(edge.from);
          const to = at.get(edge.to);
          if (!from || !to) return null;
          return (
            <line
              key={`${edge.from}-${edge.to}`}
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              stroke={palette.muted}
              strokeWidth={1.3}
              markerEnd="url(#insights-arrow)"
            />
          );
        })}
        {nodes.map((node) => (
          <a
            key={node.id}
            href={`#contacts/${encodeURIComponent(node.id)}`}
            className="insights-node"
            onClick={open(node.id)}
          >
            <circle cx={node.x} cy={node.y} r={9} fill={palette.bars[0]} />
            <text x={node.x} y={node.y + 22} textAnchor="middle" fill={palette.text} fontSize={12}>
              {node.name}
            </text>
          </a>
        ))}
      </svg>
    </div>
  );
}
