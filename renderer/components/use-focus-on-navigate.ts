import { useEffect, useRef, type RefObject } from 'react';
import { useUiStore } from '../stores/ui-store.js';

/** True when nothing has the focus any more (the page itself, or an element that was removed). */
export function focusWasLost(): boolean {
  const active = document.activeElement;
  // A control just disabled (a button that started something) keeps the focus only until the
  // browser notices: it is as good as lost.
  return (
    active === null ||
    active === document.body ||
    !active.isConnected ||
    active.matches(':disabled')
  );
}

/** After an action whose control went away: the page's heading takes the focus, if nothing has it. */
export function focusHeadingIfLost(): void {
  if (focusWasLost()) document.querySelector<HTMLElement>('main h1')?.focus();
}

/**
 * Moves focus to a page's heading after the user went somewhere (sidebar, button, app menu), so
 * keyboard and screen reader users start at the top of the new page. The first page shown at
 * start keeps the browser's default focus.
 */
export function useFocusOnNavigate(target: RefObject<HTMLElement | null>): void {
  const count = useUiStore((s) => s.navigationCount);
  /**
   * The heading this navigation focused, or null when none was drawn yet: a page that was still
   * loading draws its real heading later (a new element), and the focus follows it there.
   */
  const placed = useRef<{ element: HTMLElement | null } | null>(null);
  useEffect(() => {
    // A page asked to focus something else (useFocusTarget) takes care of it itself.
    if (count === 0 || useUiStore.getState().focusTarget !== null) return;
    target.current?.focus();
    placed.current = { element: target.current };
  }, [count, target]);
  useEffect(() => {
    const heading = target.current;
    if (placed.current === null || heading === null || heading === placed.current.element) return;
    placed.current = null;
    // Only if the focus went nowhere meanwhile (the user may have moved it themselves).
    if (focusWasLost()) heading.focus();
  });
}

/**
 * Focuses (and scrolls to) the element the navigation asked for once `ready` (the page has drawn
 * it), then forgets the request. Falls back to nothing: the heading keeps focus.
 */
export function useFocusTarget(ready: boolean): void {
  const focusTarget = useUiStore((s) => s.focusTarget);
  useEffect(() => {
    if (!ready || focusTarget === null) return;
    const element = document.getElementById(focusTarget);
    if (element) {
      element.focus();
      element.scrollIntoView?.({ block: 'start' });
    }
    useUiStore.getState().clearFocusTarget();
  }, [ready, focusTarget]);
}
