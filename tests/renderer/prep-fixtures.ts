import type { Attachment, Meeting, MeetingQuestion } from '../../shared/schema/entities.js';
import type { MeetingDetail } from '../../shared/schema/meetings.js';
import type { z } from 'zod';
import { makeContact, type FakeRapport } from './fake-api.js';

/** The contact every meeting test meets. */
export const maya = makeContact({
  id: 'maya',
  firstName: 'Maya',
  lastName: 'Okafor',
  title: 'Design lead',
  company: 'Northwind Health',
  stage: 'scheduled',
});

/** A planned meeting with Maya; tests override what they look at. */
export function makeMeeting(patch: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    contactId: 'maya',
    start: '2025-06-10T14:00:00.000Z',
    minutes: 30,
    mode: 'in-person',
    place: 'Café Nero, 12 High St',
    link: '',
    status: 'planned',
    research: { industry: '', company: '', position: '', person: '' },
    questions: [],
    notes: [],
    checklist: {
      resumeCopies: 2,
      portfolio: false,
      businessCards: true,
      outfit: false,
      researchDone: false,
    },
    travelMinutes: 20,
    takeaways: '',
    advice: '',
    namesSuggested: '',
    promises: '',
    attachmentIds: [],
    createdAt: '2025-06-01T10:00:00.000Z',
    updatedAt: '2025-06-01T10:00:00.000Z',
    ...patch,
  };
}

export function makeQuestion(id: string, text: string): z.infer<typeof MeetingQuestion> {
  return { id, text, category: 'typical-day', minutes: 3, answer: '' };
}

export function makeAttachment(patch: Partial<Attachment> = {}): Attachment {
  return {
    id: 'a'.repeat(64),
    sha256: 'a'.repeat(64),
    originalName: 'Alex Kim resume.pdf',
    mimeType: 'application/pdf',
    size: 48_213,
    role: 'resume',
    fileName: `${'a'.repeat(64)}.pdf`,
    addedAt: '2025-06-01T10:00:00.000Z',
    ...patch,
  };
}

/**
 * Gives the fake main process a working meetings service over `meeting`: get, update (merging the
 * patch, as main does), attach/detach over `files`. Tests replace single channels after this.
 */
export function serveMeeting(
  fake: FakeRapport,
  meeting: Meeting,
  files: Attachment[] = [],
  employer: MeetingDetail['employer'] = null,
) {
  let current = meeting;
  let attachments = files;
  const detail = (): MeetingDetail => ({
    meeting: current,
    contact: maya,
    attachments,
    tasks: [],
    employer,
  });
  fake.respond('meetings:get', () => detail());
  fake.respond('meetings:update', ({ patch }) => {
    current = {
      ...current,
      ...patch,
      updatedAt: '2025-06-02T09:00:00.000Z',
    } as Meeting;
    return current;
  });
  fake.respond('meetings:detach', ({ attachmentId }) => {
    attachments = attachments.filter((a) => a.id !== attachmentId);
    current = { ...current, attachmentIds: attachments.map((a) => a.id) };
    return detail();
  });
  fake.respond('meetings:attach', () => {
    const added = makeAttachment();
    attachments = [...attachments, added];
    current = { ...current, attachmentIds: attachments.map((a) => a.id) };
    return detail();
  });
  fake.respond('meetings:list', () => [{ meeting: current, contact: maya }]);
  return { current: () => current };
}
