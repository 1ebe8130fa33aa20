import { describe, expect, it } from 'vitest';
import { defaultSettings, Profile, Settings } from '../../shared/schema/settings.js';

const profile = { ...defaultSettings().profile, name: 'Maya Okafor' };

describe('the profile schema', () => {
  it.each([
    ['e-mail', { email: 'maya@example.com' }, true],
    ['e-mail', { email: 'maya@' }, false],
    ['LinkedIn URL', { linkedinUrl: 'https://www.linkedin.com/in/maya-okafor-1a2b3c' }, true],
    ['LinkedIn URL on a country site', { linkedinUrl: 'https://uk.linkedin.com/in/maya' }, true],
    ['LinkedIn URL elsewhere', { linkedinUrl: 'https://linkedin.com.evil.example/in/maya' }, false],
    ['LinkedIn URL with javascript:', { linkedinUrl: 'javascript:alert(1)' }, false],
    ['phone', { phone: '+1 (555) 010-0100 ext. 12' }, true],
    ['phone with letters', { phone: 'call me maybe' }, false],
    ['name', { name: 'x'.repeat(121) }, false],
    ['Unicode name', { name: '李雷 Zoë Ångström' }, true],
  ])('%s: %o valid=%s', (_field, change, valid) => {
    expect(Profile.safeParse({ ...profile, ...change }).success).toBe(valid);
  });

  it('trims what it stores', () => {
    expect(Profile.parse({ ...profile, name: '  Maya  ' }).name).toBe('Maya');
  });
});

describe('settings defaults', () => {
  it('use a 30-minute meeting, arriving 15 minutes early', () => {
    const settings = defaultSettings();
    expect(settings.meetingMinutes).toBe(30);
    expect(settings.arriveEarlyMinutes).toBe(15);
    expect(Settings.parse(settings)).toEqual(settings);
  });

  it('pick Letter paper in the US and A4 in Germany', () => {
    expect(defaultSettings('en-US').paperSize).toBe('Letter');
    expect(defaultSettings('de-DE').paperSize).toBe('A4');
  });

  it.each([-1, 61, 14.5])('reject arriving %s minutes early', (minutes) => {
    expect(Settings.safeParse({ ...defaultSettings(), arriveEarlyMinutes: minutes }).success).toBe(
      false,
    );
  });

  it.each([0, 10, 60])(
    'accept arriving %s minutes early (a video call needs no margin)',
    (minutes) => {
      expect(
        Settings.safeParse({ ...defaultSettings(), arriveEarlyMinutes: minutes }).success,
      ).toBe(true);
    },
  );

  it('keep in touch every 90 days and print questions in the user’s own order', () => {
    expect(defaultSettings().keepInTouchDays).toBe(90);
    expect(defaultSettings().printGroupedByTopic).toBe(false);
  });
});
