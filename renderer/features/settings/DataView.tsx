import { ScrollArea } from '../../components/ScrollArea.js';
import type { BackupInfo } from '../../../shared/contract.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { asSentence, backupReasonLabel, formatBytes, formatDateTime } from '../../format.js';
import type { DataTask, Feedback } from '../../stores/storage-store.js';

interface DataViewProps {
  dataDir: string | null;
  backups: BackupInfo[] | null;
  backupsError: string | null;
  busy: DataTask | null;
  backupFeedback: Feedback | null;
  transferFeedback: Feedback | null;
  readOnlyReason: string | null;
  onOpenFolder(): void;
  onBackUp(): void;
  onRestore(backup: BackupInfo): void;
  onExport(): void;
  onImport(): void;
  onRetryBackups(): void;
}

function FeedbackLine({ feedback }: { feedback: Feedback | null }) {
  return (
    <>
      <StatusMessage>{feedback?.kind === 'success' ? feedback.text : null}</StatusMessage>
      {feedback?.kind === 'error' ? (
        <ErrorMessage>
          <p>{feedback.text}</p>
        </ErrorMessage>
      ) : null}
    </>
  );
}

const READ_ONLY_ID = 'data-read-only-explainer';

/**
 * Settings > Data: where the data lives, backups and restore, export and import. Buttons that
 * would change the data are disabled (and say why) when the data was opened read-only; while a
 * task runs the others say so with aria-disabled, which keeps them focusable so focus never drops
 * to the page.
 */
export function DataView(props: DataViewProps) {
  const { busy, readOnlyReason } = props;
  const readOnly = readOnlyReason !== null;
  const busyProps = (task: DataTask) => ({
    'aria-disabled': busy !== null ? (true as const) : undefined,
    'aria-busy': busy === task ? (true as const) : undefined,
  });
  const guard = (run: () => void) => () => {
    if (busy === null) run();
  };
  const writeProps = {
    disabled: readOnly,
    'aria-describedby': readOnly ? READ_ONLY_ID : undefined,
  };

  return (
    <div className="data-view">
      {readOnly ? (
        <p className="read-only-explainer" id={READ_ONLY_ID}>
          Restoring and importing are turned off because Rapport opened your data read-only:{' '}
          {asSentence(readOnlyReason ?? '')}
        </p>
      ) : null}

      <section className="card" aria-labelledby="data-folder-heading">
        <h2 id="data-folder-heading" className="card-title">
          Data folder
        </h2>
        <p className="card-text">
          Everything you enter in Rapport is kept in this folder on your computer, with its backups
          and attached files.
        </p>
        <div className="path-row">
          {props.dataDir === null ? (
            <Loading label="Finding your data folder…" />
          ) : (
            <code className="path">{props.dataDir}</code>
          )}
          <button type="button" className="button" onClick={props.onOpenFolder}>
            Open data folder
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby="backups-heading">
        <h2 id="backups-heading" className="card-title">
          Backups
        </h2>
        <p className="card-text">
          Rapport backs up your data when it starts, every so often while it runs, and when it
          quits. Restoring a backup first backs up what you have now, so you can always go back.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={guard(props.onBackUp)}
            {...busyProps('backup')}
          >
            Back up now
          </button>
          <FeedbackLine feedback={props.backupFeedback} />
        </div>
        {props.backupsError ? (
          <ErrorMessage>
            <p>The list of backups could not be read. {props.backupsError}</p>
            <button type="button" className="button button-small" onClick={props.onRetryBackups}>
              Try again
            </button>
          </ErrorMessage>
        ) : props.backups === null ? (
          <Loading label="Loading backups…" />
        ) : (
          <ScrollArea label="Backups">
            <table className="table">
              <caption className="visually-hidden">Backups</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="numeric">
                    Size
                  </th>
                  <th scope="col">Reason</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.backups.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="table-empty">
                      No backups yet. Use “Back up now” to make the first one.
                    </td>
                  </tr>
                ) : (
                  props.backups.map((backup) => {
                    const date = formatDateTime(backup.createdAt);
                    return (
                      <tr key={backup.name}>
                        <td>
                          <time dateTime={backup.createdAt}>{date}</time>
                        </td>
                        <td className="numeric">{formatBytes(backup.bytes)}</td>
                        <td>{backupReasonLabel(backup.reason)}</td>
                        <td className="actions">
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={`Restore backup from ${date}`}
                            onClick={guard(() => props.onRestore(backup))}
                            {...writeProps}
                            {...(readOnly ? {} : busyProps('restore'))}
                          >
                            Restore
                          </button>
                        </td>
                      </tr>
                    );
                  })
                )}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </section>

      <section className="card" aria-labelledby="transfer-heading">
        <h2 id="transfer-heading" className="card-title">
          Export and import
        </h2>
        <p className="card-text">
          Export saves all your data in one file, to move it to another computer or keep a copy
          elsewhere. Importing a file replaces everything in Rapport with its contents.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={guard(props.onExport)}
            {...busyProps('export')}
          >
            Export everything…
          </button>
          <button
            type="button"
            className="button"
            onClick={guard(props.onImport)}
            {...writeProps}
            {...(readOnly ? {} : busyProps('import'))}
          >
            Import from file…
          </button>
        </div>
        <FeedbackLine feedback={props.transferFeedback} />
      </section>
    </div>
  );
}
