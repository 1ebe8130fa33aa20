import { resetContactDetailStore } from './contact-detail-store.js';
import { resetContactsStore } from './contacts-store.js';
import { resetFormDrafts } from './form-drafts.js';
import { resetImportStore } from './import-store.js';
import { resetAutosaves } from '../components/use-autosave.js';
import { resetMeetingsStore } from './meetings-store.js';
import { resetOutreachStore } from './outreach-store.js';
import { resetPrepStore } from './prep-store.js';
import { resetQuestionBankStore } from './question-bank-store.js';
import { resetSettingsStore } from './settings-store.js';
import { resetStorageStore } from './storage-store.js';
import { resetThanksStore } from './thanks-store.js';
import { resetTodayStore } from './today-store.js';
import { resetUiStore } from './ui-store.js';
import { resetUndoStore } from './undo-store.js';

export * from './events.js';
export * from './settings-store.js';
export * from './storage-store.js';
export * from './ui-store.js';

/** Back to a fresh start; tests call it between cases. */
export function resetStores(): void {
  resetUiStore();
  resetUndoStore();
  resetSettingsStore();
  resetStorageStore();
  resetContactsStore();
  resetContactDetailStore();
  resetTodayStore();
  resetImportStore();
  resetMeetingsStore();
  resetPrepStore();
  resetQuestionBankStore();
  resetThanksStore();
  resetOutreachStore();
  resetAutosaves();
  resetFormDrafts();
}
