import { useEffect, type RefObject } from 'react';
import { useUiStore } from '../stores/ui-store.js';

/**
 * Moves focus to a page's heading after the user went somewhere (sidebar, button, app menu), so
 * keyboard and screen reader users start at the top of the new page. The first page shown at
 * start keeps the browser's default focus.
 */
export function useFocusOnNavigate(target: RefObject<HTMLElement | null>): void {
  const count = useUiStore((s) => s.navigationCount);
  useEffect(() => {
    if (count > 0) target.current?.focus();
  }, [count, target]);
}
