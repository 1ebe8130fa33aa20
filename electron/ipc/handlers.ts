import type { EventMap, EventName } from '../../shared/contract.js';
import { createDocumentHandlers } from './handlers-documents.js';
import { createImportHandlers } from './handlers-import.js';
import { createMeetingHandlers } from './handlers-meetings.js';
import { createThanksHandlers } from './handlers-thanks.js';
import { createDraftHandlers } from './handlers-drafts.js';
import { createPipelineHandlers } from './handlers-pipeline.js';
import { createEmployerHandlers } from './handlers-employers.js';
import { createInsightsHandlers } from './handlers-insights.js';
import type { Handlers } from './dispatch.js';
import { waitingForHistory } from './history-wait.js';
import { externalHrefOrThrow } from '../services/external-url.js';
import { createUndoJournal, type UndoJournal } from '../services/undo.js';
import type { Clock, Dialogs, Storage } from '../services/types.js';

export type { Dialogs, FileFilter } from '../services/types.js';
export { isAllowedExternalUrl } from '../services/external-url.js';

export interface HandlerDeps {
  storage: Storage;
  dialogs: Dialogs;
  now: Clock;
  /** Opens a folder in the OS file manager. */
  openPath(path: string): Promise<void>;
  /**
   * Opens an http(s)/mailto URL in the default app. It is given the normalized link
   * (normalizeExternalUrl), never the string the renderer sent.
   */
  openExternal(url: string): Promise<void>;
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /**
   * Renders a self-contained HTML page to PDF with Chromium (a hidden window's printToPDF in
   * Electron, Playwright's page.pdf in tests), so any script the system fonts cover prints.
   */
  renderPdf(html: string, options: { pageSize: 'A4' | 'Letter' }): Promise<Uint8Array>;
  appInfo: { version: string; platform: string };
}

/** What the quick actions' handlers get besides the rest: the journal that makes them undoable. */
export interface ServiceDeps extends HandlerDeps {
  journal: UndoJournal;
}

const stamp = (date: Date) => date.toISOString().slice(0, 10);

/** The table channel -> service call. Electron and the e2e harness register this same object. */
export function createHandlers(given: HandlerDeps): Handlers {
  // The services change data through the journal's store, so the quick actions can be undone.
  const journal = createUndoJournal(given.storage);
  const deps: ServiceDeps = {
    ...given,
    storage: journal.storage,
    journal,
  };
  const { storage, dialogs } = deps;
  // One event per committed change, whoever made it: the renderer's stores refresh from it.
  storage.onChange((change) => deps.emit('data:changed', change));
  storage.onStatusChange?.(() => deps.emit('storage:changed', storage.status()));
  // Right after start a contact's history is still being read: requests that need it wait.
  return waitingForHistory(
    {
      'app:info': () => deps.appInfo,
      'app:openExternal': async ({ url }) => {
        await deps.openExternal(externalHrefOrThrow(url));
        return null;
      },
      'app:undo': ({ token }) => journal.undo(token),
      'settings:get': () => storage.read().settings,
      'settings:updateProfile': (profile) =>
        storage.transact((tx) => {
          tx.setSettings({ ...tx.data.settings, profile });
          return tx.data.settings;
        }),
      'settings:update': (patch) =>
        storage.transact((tx) => {
          tx.setSettings({ ...tx.data.settings, ...patch });
          return tx.data.settings;
        }),
      'storage:status': () => storage.status(),
      'storage:dismissNotice': () => storage.dismissNotice(),
      'storage:openFolder': async () => {
        await deps.openPath(storage.dataDir);
        return null;
      },
      'backups:list': () => storage.listBackups(),
      'backups:create': () => storage.createBackup('manual'),
      'backups:restore': ({ name }) => {
        const result = storage.restoreBackup(name);
        deps.emit('storage:changed', storage.status());
        return result;
      },
      'data:export': async () => {
        const path = await dialogs.showSave({
          title: 'Export all Rapport data',
          defaultPath: `Rapport data ${stamp(deps.now())}.jsonl`,
          filters: [{ name: 'Rapport data', extensions: ['jsonl'] }],
        });
        if (path === null) return null;
        await storage.exportAll(path);
        return { path };
      },
      'data:import': async () => {
        const paths = await dialogs.showOpen({
          title: 'Import Rapport data',
          // .jsonl today; .json from versions before 0.4 (one JSON document).
          filters: [{ name: 'Rapport data', extensions: ['jsonl', 'json'] }],
        });
        const path = paths?.[0];
        if (path === undefined) return null;
        return await storage.importAll(path);
      },
      'attachments:add': async ({ role }) => {
        const paths = await dialogs.showOpen({
          title: role === 'resume' ? 'Attach your resume' : 'Attach a file',
          filters:
            role === 'resume'
              ? [{ name: 'Resume (PDF or Word)', extensions: ['pdf', 'docx'] }]
              : [
                  {
                    name: 'Documents and images',
                    extensions: ['pdf', 'docx', 'png', 'jpg', 'jpeg'],
                  },
                ],
          multiple: role !== 'resume',
        });
        if (paths === null || paths.length === 0) return null;
        return paths.map((path) => storage.addAttachment(path, role));
      },
      'attachments:list': () => Object.values(storage.read().attachments),
      ...createPipelineHandlers(deps),
      ...createImportHandlers(deps),
      ...createMeetingHandlers(deps),
      ...createDocumentHandlers(deps),
      ...createThanksHandlers(deps),
      ...createDraftHandlers(deps),
      ...createEmployerHandlers(deps),
      ...createInsightsHandlers(deps),
    },
    given.storage,
  );
}
