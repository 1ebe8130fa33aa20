import type { ReactNode } from 'react';

/**
 * A polite live region that is always in the page, so screen readers announce the text when it
 * changes (a region inserted together with its text is often not read).
 */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <p
      className={children ? 'status-message status-message-visible' : 'status-message'}
      role="status"
    >
      {children ? (
        <>
          <CheckIcon /> <span>{children}</span>
        </>
      ) : null}
    </p>
  );
}

/** An error the user must notice now; announced assertively as it appears. */
export function ErrorMessage({ children }: { children: ReactNode }) {
  return (
    <div className="error-message" role="alert">
      <WarningIcon />
      <div>{children}</div>
    </div>
  );
}

export function CheckIcon() {
  return (
    <svg className="icon icon-inline" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M3.5 8.5l3 3 6-7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg className="icon icon-inline" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M8 1.8l6.6 11.6H1.4z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <path d="M8 6.2v3.4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="11.6" r="0.9" fill="currentColor" />
    </svg>
  );
}
