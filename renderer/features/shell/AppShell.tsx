import { useRef, type ReactNode } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useStorageStore } from '../../stores/storage-store.js';
import { useUiStore, type Area } from '../../stores/ui-store.js';
import { ContactPage } from '../contacts/ContactPage.js';
import { ImportPage } from '../import/ImportPage.js';
import { MeetingsPage } from '../meetings/MeetingsPage.js';
import { PrepWorkspacePage } from '../prep/PrepWorkspacePage.js';
import { ThanksPage } from '../thanks/ThanksPage.js';
import { PipelinePage } from '../pipeline/PipelinePage.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { TodayPage } from '../today/TodayPage.js';
import { Sidebar } from './Sidebar.js';
import { StorageNotice } from './StorageNotice.js';

const pages: Record<Area, () => ReactNode> = {
  home: () => <TodayPage />,
  pipeline: () => <PipelinePage />,
  contact: () => <ContactPage />,
  import: () => <ImportPage />,
  meetings: () => <MeetingsPage />,
  meeting: () => <PrepWorkspacePage />,
  thanks: () => <ThanksPage />,
  settings: () => <SettingsPage />,
};

/** Sidebar on the left, the current area on the right, the storage notice above it. */
export function AppShell() {
  const area = useUiStore((s) => s.area);
  const navigate = useUiStore((s) => s.navigate);
  const statusError = useStorageStore((s) => s.statusError);
  const main = useRef<HTMLElement>(null);
  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <Sidebar current={area} onNavigate={navigate} />
      <main id="main-content" className="content" ref={main} tabIndex={-1}>
        <div className="content-inner">
          <StorageNotice />
          {statusError ? (
            <ErrorMessage>
              <p>Rapport could not check your data folder. {statusError}</p>
            </ErrorMessage>
          ) : null}
          <ErrorBoundary key={area}>{pages[area]()}</ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
