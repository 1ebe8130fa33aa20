import { create } from 'zustand';
import type {
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
  exporting: 'csv' | 'vcard' | null;
  exportFeedback: ImportFeedback | null;
  setKind(kind: ImportKind): void;
  choose(): Promise<void>;
  remap(column: number, field: MappableField): Promise<void>;
  commit(): Promise<void>;
  cancel(): Promise<void>;
  /** `import:progress` from main; ignored unless a choose or commit is running. */
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
  exporting: null as 'csv' | 'vcard' | null,
  exportFeedback: null as ImportFeedback | null,
};

const number = (n: number) => new Intl.NumberFormat().format(n);
const contacts = (n: number) => `${number(n)} ${n === 1 ? 'contact' : 'contacts'}`;

/** "Imported 5 new contacts and updated 1." plus what was skipped, in plain words. */
export function importSummary({ added, merged, unchanged, rejected }: ImportResult): string {
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
    text += ` ${number(rejected)} ${rejected === 1 ? 'row was' : 'rows were'} skipped.`;
  }
  return text;
}

/** The import and export page: one import at a time, from choosing a file to committing it. */
export const useImportStore = create<ImportState>()((set, get) => ({
  ...initial,
  setKind: (kind) => set({ kind }),
  choose: async () => {
    const { step, preview } = get();
    if (step === 'choosing' || step === 'committing' || step === 'remapping') return;
    set({ step: 'choosing', progress: null, feedback: null, result: null });
    try {
      const next = await call('import:choose', { kind: get().kind });
      if (next === null) {
        // Cancelled in the dialog: whatever was shown before stays.
        set({ step: preview ? 'preview' : 'idle', progress: null });
        return;
      }
      if (preview && preview.token !== next.token) {
        void call('import:cancel', { token: preview.token }).catch(() => undefined);
      }
      set({ step: 'preview', preview: next, progress: null });
    } catch (error) {
      set({
        step: preview ? 'preview' : 'idle',
        progress: null,
        feedback: {
          kind: 'error',
          text: `The file was not imported. ${errorMessage(error)} Nothing was changed.`,
        },
      });
    }
  },
  remap: async (column, field) => {
    const { preview, step } = get();
    if (!preview || step !== 'preview') return;
    const mapping = preview.mapping.map((current, i) => (i === column ? field : current));
    set({ step: 'remapping', preview: { ...preview, mapping }, feedback: null });
    try {
      const next = await call('import:remap', { token: preview.token, mapping });
      set({ step: 'preview', preview: next });
    } catch (error) {
      set({
        step: 'preview',
        preview,
        feedback: { kind: 'error', text: `The columns were not changed. ${errorMessage(error)}` },
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
        feedback: { kind: 'success', text: importSummary(result) },
      });
    } catch (error) {
      set({
        step: 'preview',
        progress: null,
        feedback: {
          kind: 'error',
          text: `The import did not finish. ${errorMessage(error)} Nothing was changed.`,
        },
      });
    }
  },
  cancel: async () => {
    const { preview, step } = get();
    if (!preview || step === 'committing') return;
    set({ step: 'idle', preview: null, progress: null, feedback: null, result: null });
    try {
      await call('import:cancel', { token: preview.token });
    } catch {
      // Main drops unused previews on its own; nothing was saved either way.
    }
  },
  progressed: (progress) => {
    const { step, preview } = get();
    if (step !== 'choosing' && step !== 'committing') return;
    if (step === 'committing' && progress.token !== null && progress.token !== preview?.token) {
      return;
    }
    set({ progress });
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
}));

export const resetImportStore = () => useImportStore.setState(initial);
