import { MenuButton } from '../../components/MenuButton.js';
import { snoozeOptions, type SnoozeOption } from './snooze.js';

interface SnoozeMenuProps {
  /** Accessible name of the button, e.g. "Snooze follow-up for Maya Okafor". */
  label: string;
  disabled?: boolean;
  onChoose(option: SnoozeOption): void;
}

/** Snooze's choices (tomorrow, in 3 days, next week) as a menu button. */
export function SnoozeMenu({ label, disabled, onChoose }: SnoozeMenuProps) {
  return (
    <MenuButton
      label={label}
      disabled={disabled}
      items={snoozeOptions.map((option) => ({
        key: option.id,
        label: option.label,
        onSelect: () => onChoose(option),
      }))}
    >
      Snooze
      <svg className="icon icon-inline" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </MenuButton>
  );
}
