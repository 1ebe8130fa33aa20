import type { Stage } from '../../../shared/schema/entities.js';
import type { ContactSummary } from '../../../shared/schema/pipeline.js';
import { errorMessage } from '../../api.js';
import type { MenuItem } from '../../components/MenuButton.js';
import { focusHeadingIfLost } from '../../components/use-focus-on-navigate.js';
import { useContactsStore } from '../../stores/contacts-store.js';
import { allStages, fullName, stageLabels } from './labels.js';

/** Deletes from a card's or a row's menu (Undo in the toast); the heading takes the lost focus. */
async function deleteContact(contact: ContactSummary): Promise<void> {
  const name = fullName(contact);
  try {
    await useContactsStore.getState().remove(contact.id, name);
  } catch (error) {
    useContactsStore.setState({
      notice: { kind: 'error', text: `${name} was not deleted. ${errorMessage(error)}` },
    });
  }
  focusHeadingIfLost();
}

/** A contact's actions on the board and in the list: its "…" menu and its right-click menu. */
export function contactMenuItems(
  contact: ContactSummary,
  actions: { onOpen(id: string): void; onMove(id: string, stage: Stage): void },
): MenuItem[] {
  return [
    { key: 'open', label: 'Open', onSelect: () => actions.onOpen(contact.id) },
    ...allStages
      .filter((stage) => stage !== contact.stage)
      .map((stage, index) => ({
        key: stage,
        label: `Move to ${stageLabels[stage]}`,
        separated: index === 0,
        onSelect: () => actions.onMove(contact.id, stage),
      })),
    {
      key: 'delete',
      label: 'Delete contact',
      separated: true,
      danger: true,
      onSelect: () => void deleteContact(contact),
    },
  ];
}

/** The "…" of a menu button. */
export function MoreIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="3.5" cy="8" r="1.3" fill="currentColor" />
      <circle cx="8" cy="8" r="1.3" fill="currentColor" />
      <circle cx="12.5" cy="8" r="1.3" fill="currentColor" />
    </svg>
  );
}
