import {
  buildLearnings,
  learningsFilterLabel,
  type Learnings,
  type LearningsFilter,
  type LearningsMeeting,
} from '../../shared/domain/learnings.js';
import { fullName } from '../../shared/domain/names.js';
import { UserFacingError } from '../../shared/result.js';
import type { Dataset } from '../../shared/schema/dataset.js';
import { writeFileAtomic } from './atomic-file.js';
import { learningsDocx, learningsFileName } from './documents/learnings-doc.js';
import { processLocale } from './documents/meeting-context.js';
import type { Clock, Dialogs, Storage } from './types.js';

/**
 * Every meeting that was held, joined with its prep and its person: the input of the Learnings
 * view. The company is the linked employer's name (so "Contoso Ltd" and "Contoso" compare as
 * one), else what the contact says. Reads the meeting preps, which are loaded on demand.
 */
export function learningsMeetings(data: Readonly<Dataset>): LearningsMeeting[] {
  const out: LearningsMeeting[] = [];
  for (const meeting of Object.values(data.meetings)) {
    if (meeting.status !== 'held') continue;
    const contact = data.contacts[meeting.contactId];
    const prep = data.preps[meeting.id];
    if (contact === undefined || prep === undefined) continue;
    const employer = contact.employerId === null ? undefined : data.employers[contact.employerId];
    out.push({
      meetingId: meeting.id,
      start: meeting.start,
      contactName: fullName(contact),
      title: contact.title,
      company: employer?.name ?? contact.company,
      industry: contact.industry,
      questions: prep.questions,
      takeaways: prep.takeaways,
      advice: prep.advice,
    });
  }
  return out;
}

export function createLearningsService(deps: { storage: Storage; dialogs: Dialogs; now: Clock }) {
  const learnings = (filter: LearningsFilter): Learnings =>
    buildLearnings(learningsMeetings(deps.storage.read()), filter);
  return {
    get: learnings,
    async exportDocx(filter: LearningsFilter): Promise<{ path: string; meetings: number } | null> {
      const found = learnings(filter);
      if (found.meetingCount === 0)
        throw new UserFacingError(
          'conflict',
          'There is nothing to put in the summary yet: write answers, takeaways or advice in a meeting you have held.',
        );
      const data = deps.storage.read();
      const generatedAt = deps.now();
      const bytes = await learningsDocx({
        learnings: found,
        paper: data.settings.paperSize,
        userName: data.settings.profile.name,
        generatedAt,
        filterLabel: learningsFilterLabel(filter),
        locale: processLocale(),
      });
      const filePath = await deps.dialogs.showSave({
        title: 'Save what you learned',
        defaultPath: learningsFileName(generatedAt),
        filters: [{ name: 'Word document', extensions: ['docx'] }],
      });
      if (filePath === null) return null;
      try {
        writeFileAtomic(filePath, bytes);
      } catch {
        throw new UserFacingError(
          'io',
          `The summary could not be written to ${filePath}. Choose another folder (or close the file if it is open in another program) and try again.`,
        );
      }
      return { path: filePath, meetings: found.meetingCount };
    },
  };
}
