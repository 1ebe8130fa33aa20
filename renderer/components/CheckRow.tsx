/** One live check (outreach e-mail, thank-you note): a symbol, the rule, and what to do. */
export function CheckRow({
  check,
}: {
  check: { status: 'pass' | 'warn' | 'fail'; label: string; detail: string };
}) {
  return (
    <li className={`check check-${check.status}`}>
      <span className="check-symbol" aria-hidden="true">
        {check.status === 'pass' ? '✓' : '!'}
      </span>
      <span>
        <span className="check-label">
          <span className="visually-hidden">
            {check.status === 'pass' ? 'Passes: ' : check.status === 'warn' ? 'Warning: ' : 'Fix: '}
          </span>
          {check.label}
        </span>
        <span className="check-detail">{check.detail}</span>
      </span>
    </li>
  );
}
