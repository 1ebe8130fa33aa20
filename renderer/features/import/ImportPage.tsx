import { useEffect, useRef } from 'react';
import {
  focusWasLost,
  useFocusOnNavigate,
  useFocusTarget,
} from '../../components/use-focus-on-navigate.js';
import { useImportStore } from '../../stores/import-store.js';
import { selectReadOnly, useStorageStore } from '../../stores/storage-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { ImportView } from './ImportView.js';

/** Container for Import and export: everything lives in the import store. */
export function ImportPage() {
  const state = useImportStore();
  const readOnly = useStorageStore(selectReadOnly) !== null;
  const navigate = useUiStore((s) => s.navigate);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  // File > Export contacts… lands on the export buttons.
  useFocusTarget(true);
  useKeepFocus(state.step, state.result !== null, state.exporting);
  return (
    <ImportView
      headingRef={heading}
      kind={state.kind}
      step={state.step}
      preview={state.preview}
      progress={state.progress}
      feedback={state.feedback}
      imported={state.result !== null}
      exporting={state.exporting}
      exportFeedback={state.exportFeedback}
      readOnly={readOnly}
      onKind={state.setKind}
      onChoose={() => void state.choose()}
      onRemap={(column, field) => void state.remap(column, field)}
      onEncoding={(encoding) => void state.reencode(encoding)}
      onCommit={() => void state.commit()}
      onCancel={() => void state.cancel()}
      onOpenPipeline={() => navigate('pipeline')}
      onExport={(format) => void state.exportContacts(format)}
    />
  );
}

/**
 * A button that started something goes disabled or away (Choose file…, Import, Export), which
 * leaves the focus on the page: it goes to what the step shows instead — Cancel while a file is
 * read, the preview's heading (also while it is saved), the way to the pipeline after an import,
 * the export button used.
 */
function useKeepFocus(step: string, imported: boolean, exporting: 'csv' | 'vcard' | null): void {
  const exportingBefore = useRef<'csv' | 'vcard' | null>(null);
  useEffect(() => {
    const exported = exporting === null ? exportingBefore.current : null;
    exportingBefore.current = exporting;
    // While an export runs its (disabled) button waits; the focus goes back to it when done.
    if (exporting !== null || !focusWasLost()) return;
    const selector =
      exported !== null
        ? `#export-contacts-${exported}`
        : step === 'choosing'
          ? '#import-cancel-reading'
          : step === 'preview' || step === 'committing'
            ? '.import-preview .card-title'
            : imported
              ? '.import-section a[href="#pipeline"]'
              : '#import-heading';
    const target =
      document.querySelector<HTMLElement>(`${selector}:not(:disabled)`) ??
      document.querySelector<HTMLElement>('#import-heading');
    target?.focus();
  }, [step, imported, exporting]);
}
