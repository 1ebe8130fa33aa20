import { create } from 'zustand';
import type {
  ImportEncoding,
  ImportKind,
  ImportPreview,
  ImportProgress,
  MappableField,
} from '../../shared/schema/pipeline.js';
import { call, errorMessage } from '../api.js';

export type ImportStep = 'idle' | 'choosing' | 'preview' | 'remapping' | 'committing';
export type ImportFeedback = { kind: 'success' | 'error'; text: string };
export type ImportResult = { added: number; merged: number; unchanged: number; rejected: number };

interface ImportState {
  kind: ImportKind;
  step: ImportStep;
  preview: ImportPreview | null;
  progress: ImportProgress | null;
  /** What the last choose/remap/commit/cancel said; errors mean nothing was changed. */
  feedback: ImportFeedback | null;
  result: ImportResult | null;
  /** The token of the file being read (from its first progress event), so Cancel can stop it. */
  readingToken: string | null;
  exporting: 'csv' | 'vcard' | null;
  exportFeedback: ImportFeedback | null;
  setKind(kind: ImportKind): void;
  choose(): Promise<void>;
  /** A contact file dropped on the window: previewed like a chosen one, as `kind`. */
  openDropped(name: string, kind: ImportKind, data: string): Promise<void>;
  remap(column: number, field: MappableField): Promise<void>;
  /** Reads the previewed file again with another text encoding (a new preview). */
  reencode(encoding: ImportEncoding): Promise<void>;
  commit(): Promise<void>;
  /** Stops a file being read (or read again) or closes the preview; nothing is saved. */
  cancel(): Promise<void>;
  /** `import:progress` from main; ignored unless a file is being read or saved. */
  progressed(progress: ImportProgress): void;
  exportContacts(format: 'csv' | 'vcard'): Promise<void>;
}

const initial = {
  kind: 'linkedin' as ImportKind,
  step: 'idle' as ImportStep,
  preview: null as ImportPreview | null,
  progress: null as ImportProgress | null,
  feedback: null as ImportFeedback | null,
  result: null as ImportResult | null,
  readingToken: null as string | null,
  exporting: null as 'csv' | 'vcard' | null,
  exportFeedback: null as ImportFeedback | null,
};

const number = (n: number) => new Intl.NumberFormat().format(n);
const contacts = (n: number) => `${number(n)} ${n === 1 ? 'contact' : 'contacts'}`;

/** "Imported 5 new contacts and updated 1." plus what was skipped, in plain words. */
export function importSummary(
  { added, merged, unchanged, rejected }: ImportResult,
  unit: 'row' | 'card' = 'row',
): string {
  let text: string;
  if (added === 0 && merged === 0) {
    text =
      unchanged > 0
        ? `Nothing new to import: ${contacts(unchanged)} ${unchanged === 1 ? 'was' : 'were'} already in Rapport.`
        : 'Nothing was imported.';
  } else if (merged === 0) {
    text = `Imported ${number(added)} new ${added === 1 ? 'contact' : 'contacts'}.`;
  } else if (added === 0) {
    text = `Updated ${contacts(merged)}.`;
  } else {
    text = `Imported ${number(added)} new ${added === 1 ? 'contact' : 'contacts'} and updated ${number(merged)}.`;
  }
  if (rejected > 0) {
    text += ` ${number(rejected)} ${rejected === 1 ? `${unit} was` : `${unit}s were`} skipped.`;
  }
  return text;
}

/** Main's refusals already say that nothing changed; others get it said once, at the end. */
const nothingChanged = (text: string) =>
  text.includes('Nothing was changed') ? text : `${text} Nothing was changed.`;

const CANCELLED = 'Import cancelled. Nothing was changed.';

/**
 * Each choose, remap or re-encode is one attempt; Cancel (or a newer attempt) makes the answers
 * of older ones unwanted, so a preview that arrives after Cancel is dropped, not shown.
 */
let attempt = 0;
/** Cancel was pressed before main said which token the file has: cancel it when it says. */
let cancelWhenKnown = false;
const forget = (token: string) => void call('import:cancel', { token }).catch(() => undefined);

/** The import and export page: one import at a time, from choosing a file to committing it. */
export const useImportStore = create<ImportState>()((set, get) => {
  /** Reading a file for a preview: from the open dialog, or dropped on the window. */
  const start = async (ask: () => Promise<ImportPreview | null>) => {
    const { step, preview } = get();
    if (step === 'choosing' || step === 'committing' || step === 'remapping') return;
    const mine = (attempt += 1);
    cancelWhenKnown = false;
    set({ step: 'choosing', progress: null, feedback: null, result: null, readingToken: null });
    try {
      const next = await ask();
      if (mine !== attempt) {
        if (next !== null) forget(next.token);
        return;
      }
      if (next === null) {
        // Cancelled in the dialog: whatever was shown before stays.
        set({ step: preview ? 'preview' : 'idle', progress: null, readingToken: null });
        return;
      }
      if (preview && preview.token !== next.token) forget(preview.token);
      set({ step: 'preview', preview: next, progress: null, readingToken: null });
    } catch (error) {
      if (mine !== attempt) return;
      set({
        step: preview ? 'preview' : 'idle',
        progress: null,
        readingToken: null,
        feedback: {
          kind: 'error',
          text: nothingChanged(`The file was not imported. ${errorMessage(error)}`),
        },
      });
    }
  };

  return {
    ...initial,
    setKind: (kind) => set({ kind }),
    choose: () => start(() => call('import:choose', { kind: get().kind })),
    openDropped: (name, kind, data) => {
      set({ kind });
      return start(() => call('import:dropped', { kind, name, data }));
    },
    remap: async (column, field) => {
      const { preview, step } = get();
      if (!preview || step !== 'preview') return;
      const mine = (attempt += 1);
      const mapping = preview.mapping.map((current, i) => (i === column ? field : current));
      set({ step: 'remapping', preview: { ...preview, mapping }, feedback: null, progress: null });
      try {
        const next = await call('import:remap', { token: preview.token, mapping });
        if (mine === attempt) set({ step: 'preview', preview: next, progress: null });
      } catch (error) {
        if (mine !== attempt) return;
        set({
          step: 'preview',
          preview,
          progress: null,
          feedback: { kind: 'error', text: `The columns were not changed. ${errorMessage(error)}` },
        });
      }
    },
    reencode: async (encoding) => {
      const { preview, step } = get();
      if (!preview || step !== 'preview' || preview.encoding.used === encoding) return;
      const mine = (attempt += 1);
      set({
        step: 'remapping',
        preview: { ...preview, encoding: { ...preview.encoding, used: encoding } },
        feedback: null,
        progress: null,
      });
      try {
        const next = await call('import:reencode', { token: preview.token, encoding });
        if (mine === attempt) set({ step: 'preview', preview: next, progress: null });
      } catch (error) {
        if (mine !== attempt) return;
        set({
          step: 'preview',
          preview,
          progress: null,
          feedback: {
            kind: 'error',
            text: `The file was not read again. ${errorMessage(error)}`,
          },
        });
      }
    },
    commit: async () => {
      const { preview, step } = get();
      if (!preview || step !== 'preview') return;
      set({ step: 'committing', progress: null, feedback: null });
      try {
        const result = await call('import:commit', { token: preview.token });
        set({
          ...initial,
          kind: get().kind,
          exportFeedback: get().exportFeedback,
          result,
          feedback: {
            kind: 'success',
            text: importSummary(result, preview.kind === 'vcard' ? 'card' : 'row'),
          },
        });
      } catch (error) {
        set({
          step: 'preview',
          progress: null,
          feedback: {
            kind: 'error',
            text: nothingChanged(`The import did not finish. ${errorMessage(error)}`),
          },
        });
      }
    },
    cancel: async () => {
      const { preview, step, readingToken } = get();
      if (step === 'committing' || step === 'idle') return;
      attempt += 1;
      const cancelled = { kind: 'success' as const, text: CANCELLED };
      if (step === 'choosing') {
        // The file being read is dropped; a preview shown before stays.
        set({
          step: preview ? 'preview' : 'idle',
          progress: null,
          readingToken: null,
          feedback: cancelled,
        });
        if (readingToken !== null) forget(readingToken);
        else cancelWhenKnown = true;
        return;
      }
      if (!preview) return;
      set({
        step: 'idle',
        preview: null,
        progress: null,
        feedback: cancelled,
        result: null,
        readingToken: null,
      });
      try {
        await call('import:cancel', { token: preview.token });
      } catch {
        // Main drops unused previews on its own; nothing was saved either way.
      }
    },
    progressed: (progress) => {
      const { step, preview } = get();
      if (step === 'choosing') {
        set({ progress, readingToken: progress.token ?? get().readingToken });
        return;
      }
      if (step === 'remapping' || step === 'committing') {
        if (progress.token !== null && progress.token !== preview?.token) return;
        set({ progress });
        return;
      }
      if (cancelWhenKnown && progress.token !== null && progress.token !== preview?.token) {
        cancelWhenKnown = false;
        forget(progress.token);
      }
    },
    exportContacts: async (format) => {
      if (get().exporting) return;
      set({ exporting: format, exportFeedback: null });
      try {
        const result = await call(format === 'csv' ? 'export:contactsCsv' : 'export:contactsVcard');
        set({
          exporting: null,
          exportFeedback: result
            ? { kind: 'success', text: `Exported ${contacts(result.count)} to ${result.path}.` }
            : null,
        });
      } catch (error) {
        set({
          exporting: null,
          exportFeedback: {
            kind: 'error',
            text: `The contacts were not exported. ${errorMessage(error)}`,
          },
        });
      }
    },
  };
});

export const resetImportStore = () => {
  attempt += 1;
  cancelWhenKnown = false;
  useImportStore.setState(initial);
};
