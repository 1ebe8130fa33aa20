import { lazy, Suspense, useEffect, useRef } from 'react';
import { Toaster } from 'sonner';
import { bindCommandKeys, runCommand } from '../../commands.js';
import { bindFileDrop } from '../../file-drop.js';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { Loading } from '../../components/Loading.js';
import { ErrorMessage } from '../../components/Messages.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { useStorageStore } from '../../stores/storage-store.js';
import { useUiStore } from '../../stores/ui-store.js';
import { pages } from './pages.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { Sidebar } from './Sidebar.js';
import { StorageNotice } from './StorageNotice.js';

/** The palette's code (cmdk) is fetched the first time it opens, not with the first screen. */
const CommandPalette = lazy(() =>
  import('./CommandPalette.js').then((m) => ({ default: m.CommandPalette })),
);

/** Sidebar on the left, the current area on the right, the storage notice above it. */
export function AppShell() {
  const area = useUiStore((s) => s.area);
  const navigate = useUiStore((s) => s.navigate);
  const statusError = useStorageStore((s) => s.statusError);
  const main = useRef<HTMLElement>(null);
  const shortcutsOpen = useUiStore((s) => s.shortcutsOpen);
  const paletteOpen = useUiStore((s) => s.paletteOpen);
  // The app's keys (⌘/Ctrl+N, +1…5, +F, +K, +/) for as long as the shell is on screen.
  useEffect(() => bindCommandKeys(), []);
  // Files dropped on the window: a contact file to import, a PDF for the prep page.
  useEffect(() => bindFileDrop(), []);
  // Settings > Preferences > Text size: the root font size, which every size in rem follows.
  const textSize = useSettingsStore((s) => s.settings?.textSize ?? 'normal');
  useEffect(() => {
    document.documentElement.dataset.textSize = textSize;
  }, [textSize]);
  return (
    <>
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
              <Suspense fallback={<Loading label="Opening…" size="page" />}>
                {pages[area]()}
              </Suspense>
            </ErrorBoundary>
          </div>
        </main>
        {paletteOpen ? (
          <Suspense fallback={null}>
            <CommandPalette
              onClose={() => useUiStore.getState().showPalette(false)}
              onRun={runCommand}
            />
          </Suspense>
        ) : null}
        {shortcutsOpen ? (
          <ShortcutsDialog onClose={() => useUiStore.getState().showShortcuts(false)} />
        ) : null}
      </div>
      {/* What an action did, with Undo (stores/undo-store.ts); Alt+T moves into the toasts. Outside
        the shell's grid, which would give it a row of its own. */}
      <Toaster theme="system" position="bottom-right" closeButton containerAriaLabel="Messages" />
    </>
  );
}
