import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

interface ScrollAreaProps {
  /** Names the area when it scrolls: "Backups", "The first 5 rows". */
  label: string;
  className?: string;
  children: ReactNode;
  /** The scrolling element, for a virtualizer that needs it. */
  scrollRef?: RefObject<HTMLDivElement | null>;
}

/**
 * A box that scrolls sideways when its table is wider than the page (a narrow window, large
 * text). Only then does it become a labelled region in the tab order, so keyboard users can
 * scroll it with the arrow keys, and nobody tabs through a stop that does nothing.
 */
export function ScrollArea({ label, className, children, scrollRef }: ScrollAreaProps) {
  const own = useRef<HTMLDivElement>(null);
  const ref = scrollRef ?? own;
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return (
    <div
      ref={ref}
      className={className ?? 'table-wrap'}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}
