import { Suspense, useRef } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useStorageStore } from '../../stores/storage-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { pages } from './pages.js';
import { Sidebar } from './Sidebar.js';
import { StorageNotice } from './StorageNotice.js';

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
          <ErrorBoundary key={area}>
            {/* While an area's code arrives, focus stays where the user left it (a status is
                not focusable); the page moves it to its heading once it mounts. */}
            <Suspense fallback={<Loading label="Opening…" size="page" />}>{pages[area]()}</Suspense>
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
