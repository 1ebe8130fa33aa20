import { useRef, useState, type FormEvent } from 'react';
import { Profile } from '../../../shared/schema/settings.js';
import { TextField } from '../../components/Field.js';
import { FormFooter } from '../../components/FormFooter.js';
import { fieldError, focusField, validateForm, type FieldErrors } from '../../validation.js';
import type { SaveState } from '../../stores/settings-store.js';

type Key = keyof Profile;

interface FieldSpec {
  key: Key;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'url';
  multiline?: boolean;
  autoComplete?: string;
  hint?: string;
}

const fields: readonly FieldSpec[] = [
  { key: 'name', label: 'Your name', autoComplete: 'name' },
  { key: 'email', label: 'E-mail', type: 'email', autoComplete: 'email' },
  { key: 'phone', label: 'Phone', type: 'tel', autoComplete: 'tel' },
  { key: 'address', label: 'Postal address', multiline: true, autoComplete: 'street-address' },
  {
    key: 'linkedinUrl',
    label: 'LinkedIn profile URL',
    type: 'url',
    autoComplete: 'url',
    hint: 'Copy it from your profile page, e.g. https://www.linkedin.com/in/your-name',
  },
  {
    key: 'signature',
    label: 'Signature',
    multiline: true,
    hint: 'How you sign off thank-you notes and e-mails.',
  },
];

interface ProfileFormProps {
  profile: Profile;
  /** Changes when the profile was replaced from outside (restore, import): the draft resets. */
  revision: number;
  saveState: SaveState;
  /** Why saving is impossible right now (read-only data), or null. */
  readOnlyReason: string | null;
  onSave(profile: Profile): Promise<boolean>;
}

const same = (a: Profile, b: Profile) => fields.every(({ key }) => a[key] === b[key]);

/** The profile form: validates with the shared `Profile` schema on blur and on submit. */
export function ProfileForm({
  profile,
  revision,
  saveState,
  readOnlyReason,
  onSave,
}: ProfileFormProps) {
  const [values, setValues] = useState<Profile>(profile);
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [seenRevision, setSeenRevision] = useState(revision);
  const submitRef = useRef<HTMLButtonElement>(null);

  if (revision !== seenRevision) {
    setSeenRevision(revision);
    setValues(profile);
    setErrors({});
  }

  const dirty = !same(values, profile);
  const saving = saveState.state === 'saving';

  const check = (key: Key, value: string) => {
    const message = fieldError(Profile.shape[key], value);
    setErrors((current) => ({ ...current, [key]: message ?? undefined }));
  };

  const change = (key: Key, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) check(key, value);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    if (saving || readOnlyReason) return;
    const result = validateForm(Profile, values);
    if (!result.ok) {
      setErrors(result.errors);
      const first = fields.find(({ key }) => result.errors[key]);
      if (first) focusField(form, first.key);
      return;
    }
    setErrors({});
    const saved = await onSave(result.data);
    if (saved) setValues(result.data);
    if (document.activeElement === document.body) submitRef.current?.focus();
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <p className="section-intro">
        Rapport puts these details on your thank-you notes, prep sheets and printed packets. They
        stay on this computer.
      </p>
      <div className="form-grid">
        {fields.map((spec) => (
          <TextField
            key={spec.key}
            name={spec.key}
            label={spec.label}
            type={spec.type}
            multiline={spec.multiline}
            autoComplete={spec.autoComplete}
            hint={spec.hint}
            value={values[spec.key]}
            error={errors[spec.key]}
            onChange={(value) => change(spec.key, value)}
            onBlur={() => check(spec.key, values[spec.key])}
          />
        ))}
      </div>
      <FormFooter
        subject="profile"
        saveLabel="Save profile"
        savedMessage="Profile saved."
        saveState={saveState}
        dirty={dirty}
        readOnlyReason={readOnlyReason}
        submitRef={submitRef}
      />
    </form>
  );
}
