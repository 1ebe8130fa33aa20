import { useRef } from 'react';
import { useFocusOnNavigate, useFocusTarget } from '../../components/use-focus-on-navigate.js';
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
