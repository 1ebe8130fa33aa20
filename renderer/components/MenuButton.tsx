import {
  useEffect,
  useId,
  useLayoutEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';

export interface MenuItem {
  key: string;
  label: string;
  onSelect(): void;
  /** Drawn with a line above it (e.g. Delete, apart from the moves). */
  separated?: boolean;
  danger?: boolean;
}

/** Lets a right-click on the thing the menu belongs to open it (a card's context menu). */
export interface MenuButtonHandle {
  open(): void;
}

interface MenuButtonProps {
  /** Accessible name of the button and the menu, e.g. "Actions for Maya Okafor". */
  label: string;
  /** What the button shows (text, or an icon: the label names it). */
  children: ReactNode;
  items: readonly MenuItem[];
  disabled?: boolean;
  className?: string;
  handle?: Ref<MenuButtonHandle>;
  /**
   * Drawn over everything at the button's place (position: fixed), for a button inside something
   * that clips or scrolls (a board card in its column); it follows the button when that scrolls.
   */
  floating?: boolean;
}

/** Where a floating menu goes: under the button, right edges lined up; above it if no room. */
function placeMenu(button: HTMLElement, menu: HTMLElement): void {
  const rect = button.getBoundingClientRect();
  const below = rect.bottom + 4;
  const fits = below + menu.offsetHeight <= window.innerHeight - 8;
  menu.style.top = `${Math.max(8, fits ? below : rect.top - 4 - menu.offsetHeight)}px`;
  menu.style.left = `${Math.max(8, rect.right - menu.offsetWidth)}px`;
}

/**
 * A menu button (WAI-ARIA menu button pattern): opens on click, Enter, Space or Arrow Down with
 * the first item focused; arrows, Home and End move, Escape or Tab closes and the focus returns
 * to the button. Choosing an item closes the menu first, so the action decides where focus goes.
 */
export function MenuButton({
  label,
  children,
  items,
  disabled,
  className,
  handle,
  floating,
}: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const wrapRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(handle, () => ({ open: () => setOpen(true) }), []);

  useLayoutEffect(() => {
    if (!open || !floating || !buttonRef.current || !menuRef.current) return;
    const button = buttonRef.current;
    const menu = menuRef.current;
    placeMenu(button, menu);
    // Scrolling (the page, a column) or resizing moves the menu with its button.
    const follow = () => placeMenu(button, menu);
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open, floating]);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus({ preventScroll: true });
    const onPointer = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = itemRefs.current.filter((item): item is HTMLButtonElement => item !== null);
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowUp') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    } else if (event.key === 'Tab') {
      setOpen(false);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    buttons[next]?.focus();
  };

  return (
    <div className="menu-wrap" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className={className ?? 'button button-small'}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {children}
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className={floating ? 'menu menu-floating' : 'menu'}
          onKeyDown={onMenuKey}
        >
          {items.map((item, index) => (
            <button
              key={item.key}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`menu-item${item.separated ? ' menu-item-separated' : ''}${item.danger ? ' menu-item-danger' : ''}`}
              onClick={() => {
                close();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
