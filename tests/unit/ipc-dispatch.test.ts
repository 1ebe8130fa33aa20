import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/contract.js';
import { UserFacingError } from '../../shared/result.js';
import { dispatch, type Handlers } from '../../electron/ipc/dispatch.js';
import { defaultSettings } from '../../shared/schema/settings.js';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const table = Object.fromEntries(
    channels.map((channel) => [channel, vi.fn(() => `answer from ${channel}`)]),
  ) as unknown as Handlers;
  return { ...table, ...overrides };
}

describe('dispatch', () => {
  const hostile: [string, unknown, unknown][] = [
    ['an unknown channel', 'fs:readFile', undefined],
    ['a channel that is not a string', 42, undefined],
    ['a prototype key as channel', '__proto__', undefined],
    ['a constructor key as channel', 'constructor', undefined],
    ['a profile that is a string', 'settings:updateProfile', 'name=x'],
    [
      'a profile with a wrong e-mail',
      'settings:updateProfile',
      { ...defaultSettings().profile, email: 'nope' },
    ],
    ['a profile with an extra huge field', 'settings:updateProfile', { name: 'x'.repeat(10_000) }],
    ['a backup name that is a number', 'backups:restore', { name: 5 }],
    ['arguments for a channel that takes none', 'settings:get', { sneaky: true }],
    ['an unknown settings key', 'settings:update', { profile: {} }],
    ['an arrive-early time out of range', 'settings:update', { arriveEarlyMinutes: 61 }],
  ];

  it.each(hostile)('rejects %s without calling any handler', async (_name, channel, args) => {
    const handlers = handlersWith({});
    const result = await dispatch(handlers, channel, args, () => undefined);
    expect(result.ok).toBe(false);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('passes parsed arguments to the handler and wraps the answer in a Result', async () => {
    const restore = vi.fn(() => ({ restored: 'a', safetyBackup: 'b' }));
    const result = await dispatch(handlersWith({ 'backups:restore': restore }), 'backups:restore', {
      name: 'backup-1.json',
    });
    expect(restore).toHaveBeenCalledWith({ name: 'backup-1.json' });
    expect(result).toEqual({ ok: true, value: { restored: 'a', safetyBackup: 'b' } });
  });

  it('names the field that failed validation in the message', async () => {
    const result = await dispatch(handlersWith({}), 'settings:update', { paperSize: 'A3' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(!result.ok && result.error.message).toMatch(/^paperSize: /);
  });

  it('passes a user-facing error through with its code and message', async () => {
    const result = await dispatch(
      handlersWith({
        'settings:get': () => {
          throw new UserFacingError('read-only', 'This store is read-only.');
        },
      }),
      'settings:get',
      undefined,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'read-only', message: 'This store is read-only.' },
    });
  });

  it('never leaks a stack trace or a path from an unexpected error', async () => {
    const log = vi.fn();
    const result = await dispatch(
      handlersWith({
        'settings:get': () => {
          throw new Error('ENOENT: no such file /home/zoe/.config/Rapport/settings.json');
        },
      }),
      'settings:get',
      undefined,
      log,
    );
    expect(result.ok).toBe(false);
    const message = !result.ok ? result.error.message : '';
    expect(message).not.toMatch(/ENOENT|\/home|at /);
    expect(log).toHaveBeenCalledOnce();
  });
});
