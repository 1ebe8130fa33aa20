import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { stageLabel, stageOrder } from '../../../shared/domain/stages.js';
import { MOTIVATION_LABELS, POSTING_LABELS } from '../../../shared/domain/employers.js';
import type { EmployerDetail, EmployerPatch } from '../../../shared/schema/employers.js';
import { toast } from 'sonner';
import { errorMessage } from '../../api.js';
import { AutosaveError, AutosaveLine } from '../../components/AutosaveParts.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextField } from '../../components/Field.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage, StatusMessage } from '../../components/Messages.js';
import { useAutosave } from '../../components/use-autosave.js';
import { useFocusOnNavigate } from '../../components/use-focus-on-navigate.js';
import { useEmployersStore } from '../../stores/employers-store.js';
import { selectReadOnly, useStorageStore } from '../../stores/storage-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { formatMeetingTime, statusLabels } from '../meetings/format.js';
import { fullName } from '../pipeline/labels.js';

/** Container: the employer in the route. */
export function EmployerPage() {
  const id = useUiStore((s) => s.employerId);
  if (id === null) return null;
  return <Employer key={id} id={id} />;
}

type Editable = 'name' | 'website' | 'location' | 'postingUrl' | 'notes' | 'research';

/** One employer: its details and company research (saved as you type), its people and meetings. */
function Employer({ id }: { id: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  const detail = useEmployersStore((s) => (s.detailId === id ? s.detail : null));
  const loadError = useEmployersStore((s) => (s.detailId === id ? s.detailError : null));
  const navigate = useUiStore((s) => s.navigate);

  useEffect(() => {
    void useEmployersStore.getState().openDetail(id);
    void useEmployersStore.getState().load();
  }, [id]);

  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate('employers');
  };

  return (
    <div className="page employer-page">
      <p className="page-back">
        <a href="#employers" onClick={back}>
          All employers
        </a>
      </p>
      {detail === null ? (
        <>
          <h1 className="page-title" ref={heading} tabIndex={-1}>
            Employer
          </h1>
          {loadError ? (
            <ErrorMessage>
              <p>This employer could not be opened. {loadError}</p>
            </ErrorMessage>
          ) : (
            <Loading label="Opening the employer…" size="page" />
          )}
        </>
      ) : (
        <Loaded detail={detail} heading={heading} />
      )}
    </div>
  );
}

function Loaded({
  detail,
  heading,
}: {
  detail: EmployerDetail;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const { employer, contacts, meetings } = detail;
  const navigate = useUiStore((s) => s.navigate);
  const readOnly = useStorageStore(selectReadOnly) !== null;
  const [fields, setFields] = useState<Record<Editable, string>>(() => ({
    name: employer.name,
    website: employer.website,
    location: employer.location,
    postingUrl: employer.postingUrl,
    notes: employer.notes,
    research: employer.research,
  }));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const autosave = useAutosave<EmployerPatch>({
    key: `employer:${employer.id}`,
    save: async (patch) => {
      try {
        await useEmployersStore.getState().update(employer.id, patch);
        setFieldError(null);
      } catch (error) {
        setFieldError(errorMessage(error));
        throw error;
      }
    },
  });
  const edit = (key: Editable) => (value: string) => {
    const next = { ...fields, [key]: value };
    setFields(next);
    // The name is never saved empty: the field says so until it has one.
    const { name, ...rest } = next;
    autosave.change(name.trim() === '' ? rest : next);
  };

  const { advocacy } = employer;
  const byStage = stageOrder
    .map((stage) => ({ stage, people: contacts.filter((c) => c.stage === stage) }))
    .filter((group) => group.people.length > 0);
  const open =
    (route: `contacts/${string}` | `meetings/${string}`) =>
    (event: MouseEvent<HTMLAnchorElement>) => {
      event.preventDefault();
      navigate(route);
    };

  return (
    <>
      <header className="page-header">
        <h1 className="page-title" ref={heading} tabIndex={-1}>
          <bdi>{employer.name}</bdi>
        </h1>
        <p className="page-lead">
          Motivation {MOTIVATION_LABELS[employer.motivation]} · Posting{' '}
          {POSTING_LABELS[employer.posting]}
          {employer.posting > 1 ? ' openings' : ''} · Advocacy{' '}
          {advocacy.warm ? `yes (${advocacy.people.map((p) => p.name).join(', ')})` : 'no'}
          {employer.focus ? ' · In focus' : ''}
        </p>
        <AutosaveLine status={autosave.status} />
      </header>
      <AutosaveError status={autosave.status} onRetry={() => void autosave.flush()} />

      <section className="card" aria-labelledby="employer-details">
        <h2 className="card-title" id="employer-details">
          Details
        </h2>
        <div className="form-grid form-grid-2">
          <TextField
            label="Name"
            value={fields.name}
            onChange={edit('name')}
            disabled={readOnly}
            error={fields.name.trim() === '' ? 'Enter the employer’s name.' : fieldError}
          />
          <TextField
            label="Website"
            type="url"
            value={fields.website}
            onChange={edit('website')}
            disabled={readOnly}
          />
          <TextField
            label="Location"
            value={fields.location}
            onChange={edit('location')}
            disabled={readOnly}
          />
          <TextField
            label="Job posting link"
            type="url"
            value={fields.postingUrl}
            onChange={edit('postingUrl')}
            disabled={readOnly}
            hint="An opening that made you score Posting; optional."
          />
        </div>
        <div className="employer-notes">
          <TextField
            label="Notes"
            multiline
            rows={4}
            value={fields.notes}
            onChange={edit('notes')}
            disabled={readOnly}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="employer-research">
        <h2 className="card-title" id="employer-research">
          Company research
        </h2>
        <TextField
          label="What you know about the company"
          multiline
          rows={6}
          value={fields.research}
          onChange={edit('research')}
          disabled={readOnly}
          hint="Shared by every meeting here: research written in one meeting’s prep is offered in the next."
        />
      </section>

      <section className="card" aria-labelledby="employer-people">
        <h2 className="card-title" id="employer-people">
          People here
        </h2>
        {byStage.length === 0 ? (
          <p className="muted">No contacts at {employer.name} yet.</p>
        ) : (
          byStage.map(({ stage, people }) => (
            <div key={stage} className="employer-stage">
              <h3 className="subsection-title">{stageLabel(stage)}</h3>
              <ul className="plain-list">
                {people.map((person) => (
                  <li key={person.id}>
                    <a
                      href={`#contacts/${encodeURIComponent(person.id)}`}
                      onClick={open(`contacts/${person.id}`)}
                    >
                      {fullName(person)}
                    </a>
                    {person.title ? <span className="muted"> · {person.title}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <section className="card" aria-labelledby="employer-meetings">
        <h2 className="card-title" id="employer-meetings">
          Meetings
        </h2>
        {meetings.length === 0 ? (
          <p className="muted">No meetings here yet.</p>
        ) : (
          <ul className="plain-list">
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                <a
                  href={`#meetings/${encodeURIComponent(meeting.id)}`}
                  onClick={open(`meetings/${meeting.id}`)}
                >
                  {meeting.contactName}, {formatMeetingTime(meeting.start)}
                </a>{' '}
                <span className={`meeting-status meeting-status-${meeting.status}`}>
                  {statusLabels[meeting.status]}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <MergeAndRemove detail={detail} disabled={readOnly} />
    </>
  );
}

/** Joining a duplicate into this employer, or taking this one off the list (both confirmed). */
function MergeAndRemove({ detail, disabled }: { detail: EmployerDetail; disabled: boolean }) {
  const { employer } = detail;
  const rows = useEmployersStore((s) => s.rows);
  const navigate = useUiStore((s) => s.navigate);
  const others = rows.filter((row) => row.id !== employer.id);
  const [mergeId, setMergeId] = useState('');
  const [confirm, setConfirm] = useState<'merge' | 'remove' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const other = others.find((row) => row.id === mergeId);

  const merge = async () => {
    setConfirm(null);
    try {
      const result = await useEmployersStore.getState().merge(employer.id, mergeId);
      setMergeId('');
      setFailure(null);
      // Merge… is disabled again until another employer is chosen: the focus goes to the choice.
      document.getElementById('employer-merge-select')?.focus();
      setStatus(
        `Merged ${result.merged} into ${result.employer.name}: ${result.moved} ${result.moved === 1 ? 'contact' : 'contacts'} moved.`,
      );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  const remove = async () => {
    setConfirm(null);
    try {
      const { unlinked } = await useEmployersStore.getState().remove(employer.id);
      toast.success(
        `Removed ${employer.name} from your list${unlinked > 0 ? `; ${unlinked} ${unlinked === 1 ? 'contact has' : 'contacts have'} no employer now` : ''}.`,
      );
      navigate('employers');
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <section className="card" aria-labelledby="employer-merge">
      <h2 className="card-title" id="employer-merge">
        Merge or remove
      </h2>
      <p className="card-text">
        Two entries for the same company (“Contoso” and “Contoso Ltd”)? Merge the other one into
        this one: its contacts, notes and research move here, and its name will link here from now
        on.
      </p>
      <div className="employer-merge-row">
        <label className="field-label" htmlFor="employer-merge-select">
          Employer to merge into this one
        </label>
        <select
          id="employer-merge-select"
          className="input"
          value={mergeId}
          disabled={disabled || others.length === 0}
          onChange={(event) => setMergeId(event.target.value)}
        >
          <option value="">Choose an employer</option>
          {others.map((row) => (
            <option key={row.id} value={row.id}>
              {row.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={disabled || other === undefined}
          onClick={() => setConfirm('merge')}
        >
          Merge…
        </button>
      </div>
      <StatusMessage>{status}</StatusMessage>
      {failure ? (
        <ErrorMessage>
          <p>{failure}</p>
        </ErrorMessage>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          disabled={disabled}
          onClick={() => setConfirm('remove')}
        >
          Remove from list…
        </button>
      </div>
      {confirm === 'merge' && other ? (
        <ConfirmDialog
          title={`Merge ${other.name} into ${employer.name}?`}
          confirmLabel="Merge"
          onCancel={() => setConfirm(null)}
          onConfirm={() => void merge()}
        >
          <p>
            {other.advocacy.contacts}{' '}
            {other.advocacy.contacts === 1 ? 'contact moves' : 'contacts move'} here; the higher
            scores are kept and {other.name} leaves your list.
          </p>
        </ConfirmDialog>
      ) : null}
      {confirm === 'remove' ? (
        <ConfirmDialog
          title={`Remove ${employer.name} from your list?`}
          confirmLabel="Remove"
          onCancel={() => setConfirm(null)}
          onConfirm={() => void remove()}
        >
          <p>Its contacts stay in your pipeline, without an employer.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
