import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Opens a native <dialog> as a modal when the component mounts: the browser traps focus, makes the
 * page behind inert and turns Escape into "cancel". `initialFocus` gets the focus first; when the
 * component unmounts the dialog closes and focus goes back to whatever opened it (if it is still
 * on the page).
 */
export function useModalDialog(
  initialFocus: RefObject<HTMLElement | null>,
): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
    // Runs once per dialog: the opener is whoever had focus when it appeared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return dialogRef;
}
