import { useRef, useState, type FormEvent } from 'react';
import { Settings } from '../../../shared/schema/settings.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormFooter } from '../../components/FormFooter.js';
import {
  fieldError,
  focusField,
  parseNumber,
  validateForm,
  type FieldErrors,
} from '../../validation.js';
import type { Preferences, SaveState } from '../../stores/settings-store.js';

const PreferencesSchema = Settings.pick({
  meetingMinutes: true,
  arriveEarlyMinutes: true,
  paperSize: true,
});

type Key = keyof Preferences;
type Draft = Record<Key, string>;

const order: readonly Key[] = ['meetingMinutes', 'arriveEarlyMinutes', 'paperSize'];

const toDraft = (p: Preferences): Draft => ({
  meetingMinutes: String(p.meetingMinutes),
  arriveEarlyMinutes: String(p.arriveEarlyMinutes),
  paperSize: p.paperSize,
});

const fromDraft = (d: Draft) => ({
  meetingMinutes: parseNumber(d.meetingMinutes),
  arriveEarlyMinutes: parseNumber(d.arriveEarlyMinutes),
  paperSize: d.paperSize,
});

function messageFor(key: Key, draft: Draft): string | null {
  if (key !== 'paperSize' && Number.isNaN(parseNumber(draft[key])))
    return 'Enter a number of minutes.';
  return fieldError(PreferencesSchema.shape[key], fromDraft(draft)[key]);
}

interface PreferencesFormProps {
  preferences: Preferences;
  revision: number;
  saveState: SaveState;
  readOnlyReason: string | null;
  onSave(preferences: Preferences): Promise<boolean>;
}

/** Meeting defaults and paper size, validated with the fields of the shared `Settings` schema. */
export function PreferencesForm({
  preferences,
  revision,
  saveState,
  readOnlyReason,
  onSave,
}: PreferencesFormProps) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(preferences));
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [seenRevision, setSeenRevision] = useState(revision);
  const submitRef = useRef<HTMLButtonElement>(null);

  if (revision !== seenRevision) {
    setSeenRevision(revision);
    setDraft(toDraft(preferences));
    setErrors({});
  }

  const saved = toDraft(preferences);
  const dirty = order.some((key) => draft[key].trim() !== saved[key]);
  const saving = saveState.state === 'saving';

  const check = (key: Key) => {
    const message = messageFor(key, draft);
    setErrors((current) => ({ ...current, [key]: message ?? undefined }));
  };

  const change = (key: Key, value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (errors[key] || key === 'paperSize') {
      const message = messageFor(key, next);
      setErrors((current) => ({ ...current, [key]: message ?? undefined }));
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (saving || readOnlyReason) return;
    const nextErrors: FieldErrors<Key> = {};
    for (const key of order) {
      const message = messageFor(key, draft);
      if (message) nextErrors[key] = message;
    }
    const result = validateForm(PreferencesSchema, fromDraft(draft));
    const firstInvalid = order.find((key) => nextErrors[key]);
    if (firstInvalid || !result.ok) {
      setErrors(result.ok ? nextErrors : { ...result.errors, ...nextErrors });
      const key = firstInvalid ?? order.find((k) => !result.ok && result.errors[k]);
      if (key) focusField(form, key);
      return;
    }
    setErrors({});
    const ok = await onSave(result.data);
    if (ok) setDraft(toDraft(result.data));
    if (document.activeElement === document.body) submitRef.current?.focus();
  };

  const bind = (key: Key) => ({
    value: draft[key],
    error: errors[key],
    name: key,
    onChange: (value: string) => change(key, value),
    onBlur: () => check(key),
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p className="section-intro">
        Defaults for new meetings and for the documents Rapport prints.
      </p>
      <div className="form-grid">
        <TextField
          {...bind('meetingMinutes')}
          label="Default meeting length (minutes)"
          type="number"
          inputMode="numeric"
          min={10}
          max={240}
          narrow
          hint="Most informational interviews take 20 to 30 minutes."
        />
        <TextField
          {...bind('arriveEarlyMinutes')}
          label="Arrive early (minutes)"
          type="number"
          inputMode="numeric"
          min={10}
          max={15}
          narrow
          hint="Between 10 and 15 minutes: time to settle in without making your host rush."
        />
        <SelectField
          {...bind('paperSize')}
          label="Paper size"
          hint="Used for prep sheets, thank-you letters and printed packets."
          options={[
            { value: 'A4', label: 'A4' },
            { value: 'Letter', label: 'Letter' },
          ]}
        />
      </div>
      <FormFooter
        subject="preferences"
        saveLabel="Save preferences"
        savedMessage="Preferences saved."
        saveState={saveState}
        dirty={dirty}
        readOnlyReason={readOnlyReason}
        submitRef={submitRef}
      />
    </form>
  );
}
