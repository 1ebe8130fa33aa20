import { useId, useRef, useState, type ReactNode } from 'react';
import { call, errorMessage } from '../../api.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { ScrollArea } from '../../components/ScrollArea.js';
import { readPalette, svgToPngBase64, tableToCsv, type ChartTable } from './chart-export.js';

/**
 * One chart of Insights: its title, a sentence that says what it shows (the chart's text
 * alternative, read before it), the chart or — toggled — the same figures as a table, and saving
 * the chart as a picture or its data as CSV (main asks where and says where it saved).
 */
export function ChartCard({
  title,
  summary,
  table,
  children,
  actions,
}: {
  title: string;
  summary: string;
  table: ChartTable;
  children: ReactNode;
  /** Controls of this chart (a period, a source), shown beside the title. */
  actions?: ReactNode;
}) {
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const figure = useRef<HTMLDivElement>(null);

  const run = async (action: () => Promise<{ path: string } | null>, what: string) => {
    setFailure(null);
    try {
      const saved = await action();
      setStatus(saved === null ? null : `Saved ${what} to ${saved.path}.`);
    } catch (error) {
      setStatus(null);
      setFailure(errorMessage(error));
    }
  };

  const savePng = () =>
    run(async () => {
      const svg = figure.current?.querySelector('svg');
      if (!svg) throw new Error('Show the chart first.');
      const data = await svgToPngBase64(svg, readPalette().background);
      return call('insights:savePng', { name: title, data });
    }, 'the chart');
  const saveCsv = () =>
    run(() => call('insights:saveCsv', { name: title, text: tableToCsv(table) }), 'the data');

  return (
    <section className="card insights-card" aria-labelledby={`${id}-title`}>
      <div className="insights-card-head">
        <h2 className="card-title" id={`${id}-title`}>
          {title}
        </h2>
        {actions}
      </div>
      <p className="card-text insights-summary" id={`${id}-summary`}>
        {summary}
      </p>
      <div className="button-row insights-card-tools">
        <button
          type="button"
          className="button button-small"
          aria-pressed={asTable}
          onClick={() => setAsTable((shown) => !shown)}
        >
          Show as table
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={asTable}
          onClick={() => void savePng()}
        >
          Save as PNG…
        </button>
        <button type="button" className="button button-small" onClick={() => void saveCsv()}>
          Save data as CSV…
        </button>
      </div>
      <StatusMessage>{status}</StatusMessage>
      {failure ? (
        <ErrorMessage>
          <p>{failure}</p>
        </ErrorMessage>
      ) : null}
      {asTable ? (
        <ScrollArea label={`${title}: table`}>
          <table className="table insights-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) =>
                    column === 0 ? (
                      <th key={column} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={column} className={typeof cell === 'number' ? 'numeric' : undefined}>
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      ) : (
        <div className="insights-figure" ref={figure}>
          {children}
        </div>
      )}
    </section>
  );
}
