interface LoadingProps {
  label: string;
  /** Height the content will roughly take, so nothing jumps when it arrives. */
  size?: 'small' | 'page';
}

/** A quiet placeholder: it fades in only if loading takes noticeably long (CSS delay). */
export function Loading({ label, size = 'small' }: LoadingProps) {
  return (
    <div className={size === 'page' ? 'loading loading-page' : 'loading'} role="status">
      <span className="loading-dot" aria-hidden="true" />
      <span className="loading-label">{label}</span>
    </div>
  );
}
