import { toast } from 'sonner';
import { dropActionFor } from '../shared/domain/dropped-files.js';
import { useImportStore } from './stores/import-store.js';
import { usePrepStore } from './stores/prep-store.js';
import { useUiStore } from './stores/ui-store.js';

/**
 * Files dropped on the window (shared/domain/dropped-files.ts says what each one does): a
 * contact file opens the import preview, a PDF on a meeting's prep page is attached, anything
 * else gets a message. A dropped file never navigates the window away; main gets its bytes,
 * never a path.
 */

/** The file's bytes as base64, how they cross to main. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export async function openDroppedFiles(files: readonly File[]): Promise<void> {
  if (files.length !== 1) {
    toast.error('Drop one file at a time.');
    return;
  }
  const [file] = files as [File];
  const ui = useUiStore.getState();
  const prepPage = ui.area === 'meeting' && usePrepStore.getState().id === ui.meetingId;
  const action = dropActionFor(file, { prepPage });
  if (action.action === 'refuse') {
    toast.error(action.message);
    return;
  }
  let data: string;
  try {
    data = await base64Of(file);
  } catch {
    toast.error(`“${file.name}” could not be read. Nothing was changed.`);
    return;
  }
  if (action.action === 'import') {
    ui.navigate('import');
    await useImportStore.getState().openDropped(file.name, action.kind, data);
  } else {
    await usePrepStore.getState().attachDropped(file.name, data);
  }
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;

/** Listens on the window for the page's lifetime; returns the unsubscribe. */
export function bindFileDrop(target: Window = window): () => void {
  const root = target.document.documentElement;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    root.dataset.dropping = 'true';
    clearTimeout(leaveTimer);
    // No event says the drag left the window for good: the outline goes when dragover stops.
    leaveTimer = setTimeout(() => delete root.dataset.dropping, 150);
  };
  const drop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    delete root.dataset.dropping;
    void openDroppedFiles([...(event.dataTransfer?.files ?? [])]);
  };
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  return () => {
    clearTimeout(leaveTimer);
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}
