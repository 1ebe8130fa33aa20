import { EmployerHint } from './EmployerHint.js';
import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import {
  KeepInTouch,
  type Contact,
  type SourceKind,
  type Stage,
} from '../../../shared/schema/entities.js';
import {
  ContactInput,
  type ContactSummary,
  type DuplicateMatch,
} from '../../../shared/schema/pipeline.js';
import { SelectField, TextField } from '../../components/Field.js';
import { ErrorMessage, StatusMessage, WarningIcon } from '../../components/Messages.js';
import { fieldError, focusField, parseNumber, validateForm } from '../../validation.js';
import { DEFAULT_KEEP_IN_TOUCH_DAYS } from '../../../shared/domain/reminder-policy.js';
import {
  allStages,
  fullName,
  sourceKinds,
  sourceLabels,
  stageLabels,
  titleAtCompany,
} from '../pipeline/labels.js';
import { formDrafts } from '../../stores/form-drafts.js';
import { ReferrerPicker } from './ReferrerPicker.js';

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  title: string;
  company: string;
  industry: string;
  location: string;
  email: string;
  phone: string;
  linkedinUrl: string;
  sourceKind: SourceKind;
  sourceDetail: string;
  referredById: string | null;
  tags: string;
  notes: string;
  stage: Stage;
  /** Keep-in-touch reminders on (the default) or off for this person. */
  keepInTouchOn: boolean;
  /** Their own interval in days; empty means the default from Settings. */
  keepInTouchDays: string;
}

type Key = keyof ContactFormValues;
type TextKey = Exclude<Key, 'sourceKind' | 'referredById' | 'stage' | 'keepInTouchOn'>;

const emptyValues: ContactFormValues = {
  firstName: '',
  lastName: '',
  title: '',
  company: '',
  industry: '',
  location: '',
  email: '',
  phone: '',
  linkedinUrl: '',
  sourceKind: 'other',
  sourceDetail: '',
  referredById: null,
  tags: '',
  notes: '',
  stage: 'prospect',
  keepInTouchOn: true,
  keepInTouchDays: '',
};

export const valuesOf = (contact: Contact | null): ContactFormValues =>
  contact
    ? {
        firstName: contact.firstName,
        lastName: contact.lastName,
        title: contact.title,
        company: contact.company,
        industry: contact.industry,
        location: contact.location,
        email: contact.email,
        phone: contact.phone,
        linkedinUrl: contact.linkedinUrl,
        sourceKind: contact.source.kind,
        sourceDetail: contact.source.detail,
        referredById: contact.referredById,
        tags: contact.tags.join(', '),
        notes: contact.notes,
        stage: contact.stage,
        keepInTouchOn: !contact.keepInTouch.off,
        keepInTouchDays: contact.keepInTouch.days === null ? '' : String(contact.keepInTouch.days),
      }
    : emptyValues;

/** The typed interval: null (the default from Settings) when empty, else the number typed. */
const daysOf = (text: string): number | null => (text.trim() === '' ? null : parseNumber(text));

const splitTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

export const inputOf = (values: ContactFormValues): ContactInput => ({
  firstName: values.firstName,
  lastName: values.lastName,
  title: values.title,
  company: values.company,
  industry: values.industry,
  location: values.location,
  email: values.email,
  phone: values.phone,
  linkedinUrl: values.linkedinUrl,
  source: { kind: values.sourceKind, detail: values.sourceDetail },
  referredById: values.referredById,
  tags: splitTags(values.tags),
  notes: values.notes,
  stage: values.stage,
  keepInTouch: { off: !values.keepInTouchOn, days: daysOf(values.keepInTouchDays) },
});

/** Which form field shows a message for each top-level key of ContactInput. */
const fieldOfInputKey: Partial<Record<string, Key>> = {
  source: 'sourceDetail',
  keepInTouch: 'keepInTouchDays',
};

interface TextSpec {
  key: TextKey;
  label: string;
  type?: 'text' | 'email' | 'tel' | 'url';
  autoComplete?: string;
  hint?: string;
  multiline?: boolean;
}

const nameFields: readonly TextSpec[] = [
  { key: 'firstName', label: 'First name', autoComplete: 'off' },
  { key: 'lastName', label: 'Last name', autoComplete: 'off' },
];
const workFields: readonly TextSpec[] = [
  { key: 'title', label: 'Title' },
  { key: 'company', label: 'Company' },
  { key: 'industry', label: 'Industry' },
  { key: 'location', label: 'Location' },
];
const reachFields: readonly TextSpec[] = [
  { key: 'email', label: 'E-mail', type: 'email', autoComplete: 'off' },
  { key: 'phone', label: 'Phone', type: 'tel', autoComplete: 'off' },
  {
    key: 'linkedinUrl',
    label: 'LinkedIn profile URL',
    type: 'url',
    autoComplete: 'off',
    hint: 'e.g. https://www.linkedin.com/in/maya-okafor',
  },
];
/** Fields that identify a person: leaving one looks for duplicates. */
const identityKeys = new Set<Key>(['firstName', 'lastName', 'company', 'email', 'linkedinUrl']);
/** Field order, for focusing the first one with a message. */
const order: readonly Key[] = [
  'firstName',
  'lastName',
  'title',
  'company',
  'industry',
  'location',
  'email',
  'phone',
  'linkedinUrl',
  'sourceKind',
  'sourceDetail',
  'tags',
  'notes',
  'stage',
  'keepInTouchDays',
];

interface ContactFormProps {
  /** Null for a new contact. */
  contact: Contact | null;
  contacts: readonly ContactSummary[];
  readOnlyReason: string | null;
  findDuplicates(input: ContactInput, ignoreId?: string): Promise<DuplicateMatch[]>;
  /** Resolves with an error message, or null when saved (the container navigates away). */
  onSave(input: ContactInput): Promise<string | null>;
  onCancel(): void;
  onOpenContact(id: string): void;
  /** The keep-in-touch interval from Settings, named in the hint. */
  keepInTouchDefault?: number;
}

const sameValues = (a: ContactFormValues, b: ContactFormValues) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The contact form, for new and existing contacts. Validates with the shared ContactInput schema
 * on blur and on submit (the same messages main would give). New contacts are checked for
 * duplicates on blur of the identifying fields and again before saving; a match must be
 * acknowledged with "Add anyway".
 */
export function ContactForm({
  contact,
  contacts,
  readOnlyReason,
  findDuplicates,
  onSave,
  onCancel,
  onOpenContact,
  keepInTouchDefault = DEFAULT_KEEP_IN_TOUCH_DAYS,
}: ContactFormProps) {
  const isNew = contact === null;
  // Typing left unsaved here earlier (another area, a key) comes back (stores/form-drafts.ts).
  const formKey = `contact:${contact?.id ?? 'new'}`;
  const [restored] = useState(() => formDrafts.has(formKey));
  const [values, setValues] = useState<ContactFormValues>(
    () => formDrafts.get<ContactFormValues>(formKey) ?? valuesOf(contact),
  );
  /** Saved or cancelled: what is on screen is no longer the user's unsaved typing. */
  const settled = useRef(false);
  useEffect(() => {
    if (settled.current) return;
    if (sameValues(values, valuesOf(contact))) formDrafts.drop(formKey);
    else formDrafts.set(formKey, values);
  }, [values, contact, formKey]);
  const cancel = () => {
    settled.current = true;
    formDrafts.drop(formKey);
    onCancel();
  };
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);
  const [acknowledged, setAcknowledged] = useState<string>('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const checkCount = useRef(0);
  const warningRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const duplicateKey = (matches: DuplicateMatch[]) =>
    matches
      .map((m) => m.contact.id)
      .sort()
      .join('|');

  const check = (key: Key, next: ContactFormValues = values) => {
    let message: string | null = null;
    if (key === 'sourceDetail' || key === 'sourceKind') {
      message = fieldError(ContactInput.shape.source, {
        kind: next.sourceKind,
        detail: next.sourceDetail,
      });
      key = 'sourceDetail';
    } else if (key === 'tags') {
      message = fieldError(ContactInput.shape.tags, splitTags(next.tags));
    } else if (key === 'keepInTouchDays' || key === 'keepInTouchOn') {
      message = fieldError(KeepInTouch.shape.days, daysOf(next.keepInTouchDays));
      key = 'keepInTouchDays';
    } else if (key !== 'referredById') {
      message = fieldError(ContactInput.shape[key], next[key]);
    }
    setErrors((current) => ({ ...current, [key]: message ?? undefined }));
  };

  const change = <K extends Key>(key: K, value: ContactFormValues[K]) => {
    const next = { ...values, [key]: value };
    setValues(next);
    if (errors[key] || (key === 'sourceKind' && errors.sourceDetail)) check(key, next);
  };

  /** Asks main for same-person matches; a newer check wins over an older answer. */
  const lookForDuplicates = async (): Promise<DuplicateMatch[] | null> => {
    if (!isNew) return [];
    const parsed = ContactInput.safeParse(inputOf(values));
    if (!parsed.success) return null;
    const ticket = ++checkCount.current;
    const matches = await findDuplicates(inputOf(values));
    if (ticket !== checkCount.current) return null;
    setDuplicates(matches);
    return matches;
  };

  const blurIdentity = (key: Key) => {
    check(key);
    void lookForDuplicates();
  };

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    // Send what the schema made of it (trimmed, defaults filled), as main will store it.
    const parsed = ContactInput.safeParse(inputOf(values));
    const message = await onSave(parsed.success ? parsed.data : inputOf(values));
    setSaving(false);
    if (message) setSaveError(message);
    else {
      settled.current = true;
      formDrafts.drop(formKey);
    }
  };

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const form = formRef.current;
    if (saving || readOnlyReason || !form) return;
    const result = validateForm(ContactInput, inputOf(values));
    if (!result.ok) {
      const mapped: Partial<Record<Key, string>> = {};
      for (const [inputKey, message] of Object.entries(result.errors)) {
        const key = fieldOfInputKey[inputKey] ?? (inputKey as Key);
        mapped[key] = message as string;
      }
      setErrors(mapped);
      const first = order.find((key) => mapped[key]);
      if (first) focusField(form, first);
      return;
    }
    setErrors({});
    if (isNew) {
      setSaving(true);
      const matches = await lookForDuplicates();
      setSaving(false);
      if (matches && matches.length > 0 && duplicateKey(matches) !== acknowledged) {
        warningRef.current?.focus();
        return;
      }
    }
    await save();
  };

  const addAnyway = async () => {
    setAcknowledged(duplicateKey(duplicates));
    await save();
  };

  const openMatch = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    onOpenContact(id);
  };

  const text = (spec: TextSpec) => (
    <TextField
      key={spec.key}
      name={spec.key}
      label={spec.label}
      type={spec.type}
      autoComplete={spec.autoComplete}
      hint={spec.hint}
      multiline={spec.multiline}
      rows={spec.multiline ? 5 : undefined}
      value={values[spec.key]}
      error={errors[spec.key]}
      onChange={(value) => change(spec.key, value)}
      onBlur={() => (identityKeys.has(spec.key) ? blurIdentity(spec.key) : check(spec.key))}
    />
  );

  const showReferrer = values.sourceKind === 'referral' || values.referredById !== null;
  const unacknowledged = duplicates.length > 0 && duplicateKey(duplicates) !== acknowledged;

  return (
    <form ref={formRef} className="form contact-form" noValidate onSubmit={submit}>
      <StatusMessage>
        {restored ? 'This is what you typed before you left the form; it is not saved yet.' : null}
      </StatusMessage>
      <fieldset className="contact-form-section">
        <legend className="section-title">Who</legend>
        <div className="form-grid form-grid-2">{nameFields.map(text)}</div>
      </fieldset>
      <fieldset className="contact-form-section">
        <legend className="section-title">Work</legend>
        <div className="form-grid form-grid-2">{workFields.map(text)}</div>
        <EmployerHint company={values.company} contact={contact} />
      </fieldset>
      <fieldset className="contact-form-section">
        <legend className="section-title">How to reach them</legend>
        <div className="form-grid">{reachFields.map(text)}</div>
      </fieldset>
      <fieldset className="contact-form-section">
        <legend className="section-title">How you know them</legend>
        <div className="form-grid">
          <SelectField
            name="sourceKind"
            label="Source"
            value={values.sourceKind}
            options={sourceKinds.map((kind) => ({ value: kind, label: sourceLabels[kind] }))}
            onChange={(value) => change('sourceKind', value as SourceKind)}
          />
          {text({
            key: 'sourceDetail',
            label: 'Source detail',
            hint: 'Which association, organization, company or person, e.g. "State University alumni, Boston chapter".',
          })}
          {showReferrer ? (
            <ReferrerPicker
              contacts={contacts}
              value={values.referredById}
              selfId={contact?.id ?? null}
              onChange={(id) => change('referredById', id)}
            />
          ) : null}
        </div>
      </fieldset>
      <fieldset className="contact-form-section">
        <legend className="section-title">Keeping in touch</legend>
        <div className="form-grid">
          <label className="check-row">
            <input
              type="checkbox"
              name="keepInTouchOn"
              checked={values.keepInTouchOn}
              onChange={(event) => change('keepInTouchOn', event.target.checked)}
            />
            Remind me to get back in touch once they are in Keeping in touch
          </label>
          {values.keepInTouchOn ? (
            <TextField
              name="keepInTouchDays"
              label="Every (days)"
              type="number"
              inputMode="numeric"
              min={7}
              max={730}
              narrow
              hint={`Counted from your last activity with them. Leave empty for your default (${keepInTouchDefault} days, in Settings > Preferences).`}
              value={values.keepInTouchDays}
              error={errors.keepInTouchDays}
              onChange={(value) => change('keepInTouchDays', value)}
              onBlur={() => check('keepInTouchDays')}
            />
          ) : null}
        </div>
      </fieldset>
      <fieldset className="contact-form-section">
        <legend className="section-title">Notes</legend>
        <div className="form-grid">
          {text({
            key: 'tags',
            label: 'Tags',
            hint: 'Separate tags with commas, e.g. design, Boston, hiring.',
          })}
          {text({ key: 'notes', label: 'Notes', multiline: true })}
          {isNew ? (
            <SelectField
              name="stage"
              label="Stage"
              value={values.stage}
              options={allStages.map((s) => ({ value: s, label: stageLabels[s] }))}
              onChange={(value) => change('stage', value as Stage)}
            />
          ) : null}
        </div>
      </fieldset>

      {unacknowledged ? (
        <div
          ref={warningRef}
          className="notice notice-warning duplicate-warning"
          role="alert"
          tabIndex={-1}
        >
          <WarningIcon />
          <div className="notice-text">
            <p>
              {duplicates.length === 1
                ? 'This looks like someone you already have:'
                : `This looks like ${duplicates.length} people you already have:`}
            </p>
            <ul className="duplicate-list">
              {duplicates.map((match) => (
                <li key={match.contact.id}>
                  <a href={`#contacts/${match.contact.id}`} onClick={openMatch(match.contact.id)}>
                    Open <bdi>{fullName(match.contact)}</bdi>
                  </a>{' '}
                  <span className="duplicate-reason">
                    {match.reason === 'email'
                      ? '(same e-mail)'
                      : match.reason === 'linkedin'
                        ? '(same LinkedIn profile)'
                        : `(same name at ${titleAtCompany({ title: '', company: match.contact.company })})`}
                  </span>
                </li>
              ))}
            </ul>
            <p>Open them to update their details, or add this contact as a separate person.</p>
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                disabled={saving || readOnlyReason !== null}
                onClick={() => void addAnyway()}
              >
                Add anyway
              </button>
            </div>
          </div>
        </div>
      ) : null}

      {saveError ? (
        <ErrorMessage>
          <p>The contact was not saved. {saveError}</p>
        </ErrorMessage>
      ) : null}
      <div className="form-actions form-actions-sticky">
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || readOnlyReason !== null}
        >
          Save contact
        </button>
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      </div>
      {readOnlyReason ? (
        <p className="read-only-explainer">
          Saving is turned off because Rapport opened your data read-only.
        </p>
      ) : null}
    </form>
  );
}
