import { act, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTOSAVE_MS,
  Autosaver,
  resetAutosaves,
  takeUnsaved,
  useAutosave,
  useSafeClose,
  whenSettled,
  type AutosaveStatus,
} from '../../renderer/components/use-autosave.js';
import { ApiError } from '../../renderer/api.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

beforeEach(() => {
  vi.useFakeTimers();
  resetAutosaves();
});
afterEach(() => {
  vi.useRealTimers();
});

function makeSaver(save: (value: string) => Promise<void>) {
  const statuses: AutosaveStatus['state'][] = [];
  const abandoned: string[] = [];
  const saver = new Autosaver<string>({
    save,
    onStatus: (status) => statuses.push(status.state),
    onAbandoned: (value) => abandoned.push(value),
  });
  return { saver, statuses, abandoned };
}

describe('the autosaver', () => {
  it('saves once, 600 ms after the last change, with the latest value', async () => {
    const save = vi.fn(async () => undefined);
    const { saver, statuses } = makeSaver(save);
    saver.change('a');
    await vi.advanceTimersByTimeAsync(300);
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 1);
    expect(save).not.toHaveBeenCalled();
    expect(saver.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledExactlyOnceWith('ab');
    expect(saver.dirty).toBe(false);
    expect(statuses).toEqual(['pending', 'pending', 'saving', 'saved']);
  });

  it('runs one save at a time, so the second sees what the first created', async () => {
    const first = deferred();
    const order: string[] = [];
    let id: string | null = null;
    const save = vi.fn(async (value: string) => {
      order.push(`${value}:${id ?? 'new'}`);
      if (id === null) {
        await first.promise;
        id = 'note-1';
      }
    });
    const { saver } = makeSaver(save);
    saver.change('one');
    const a = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.change('two');
    const b = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['one:new']);
    first.resolve();
    expect(await a).toBe(true);
    expect(await b).toBe(true);
    expect(order).toEqual(['one:new', 'two:note-1']);
  });

  it('keeps the value after a failed save, says why, and saves it when asked again', async () => {
    let fail = true;
    const save = vi.fn(async () => {
      if (fail) throw new ApiError('internal', 'The disk is full.');
    });
    const { saver } = makeSaver(save);
    saver.change('text');
    expect(await saver.flush()).toBe(false);
    expect(saver.status).toEqual({ state: 'error', message: 'The disk is full.' });
    expect(saver.dirty).toBe(true);
    // An unsaved failure is still "not saved" when nothing new was typed.
    fail = false;
    expect(await saver.flush()).toBe(true);
    expect(save).toHaveBeenLastCalledWith('text');
    expect(saver.status).toEqual({ state: 'saved' });
  });

  it('lets a change made during a failing save win over the value that failed', async () => {
    const pending = deferred();
    const save = vi.fn(async (value: string) => {
      if (value === 'old') await pending.promise;
    });
    const { saver } = makeSaver(save);
    saver.change('old');
    const done = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.change('new');
    pending.reject(new Error('offline'));
    expect(await done).toBe(false);
    expect(await saver.flush()).toBe(true);
    expect(save).toHaveBeenLastCalledWith('new');
  });

  it('saves now on request, throwing the reason when it fails', async () => {
    const { saver } = makeSaver(async () => {
      throw new ApiError('read-only', 'Rapport opened your data read-only.');
    });
    await expect(saver.saveNow('x')).rejects.toThrow('Rapport opened your data read-only.');
  });

  it('forgets unsaved changes when they are discarded', async () => {
    const save = vi.fn(async () => {
      throw new Error('no');
    });
    const { saver } = makeSaver(save);
    saver.change('x');
    await saver.flush();
    saver.discard();
    expect(saver.dirty).toBe(false);
    expect(saver.status).toEqual({ state: 'idle' });
    expect(await saver.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('hands a value whose save failed after leaving to onAbandoned, and keeps it no longer', async () => {
    const { saver, abandoned } = makeSaver(async () => {
      throw new Error('no');
    });
    saver.change('last words');
    expect(await saver.leave()).toBe(false);
    expect(abandoned).toEqual(['last words']);
    expect(saver.dirty).toBe(false);
  });
});

describe('useAutosave', () => {
  it('saves at once when the writer unmounts, and keeps the text by key when that fails', async () => {
    const save = vi.fn(async () => {
      throw new ApiError('internal', 'The disk is full.');
    });
    const { result, unmount } = renderHook(() => useAutosave<string>({ key: 'note:1', save }));
    act(() => result.current.change('typed'));
    unmount();
    await whenSettled('note:');
    expect(save).toHaveBeenCalledExactlyOnceWith('typed');
    expect(takeUnsaved('note:1')).toBe('typed');
    expect(takeUnsaved('note:1')).toBeUndefined();
  });

  it('saves what is waiting when the window is closing (pagehide)', async () => {
    const save = vi.fn(async () => undefined);
    const { result } = renderHook(() => useAutosave<string>({ key: 'k', save }));
    act(() => result.current.change('typed'));
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledExactlyOnceWith('typed');
  });

  it('shows its status to the component', async () => {
    const { result } = renderHook(() =>
      useAutosave<string>({ key: 'k', save: async () => undefined }),
    );
    act(() => result.current.change('typed'));
    expect(result.current.status).toEqual({ state: 'pending' });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS));
    expect(result.current.status).toEqual({ state: 'saved' });
  });
});

describe('useSafeClose', () => {
  function Writer({ fail, onClose }: { fail: boolean; onClose(): void }) {
    const autosave = useAutosave<string>({
      key: 'w',
      save: async () => {
        if (fail) throw new Error('no');
      },
    });
    const closer = useSafeClose(autosave, onClose);
    return (
      <div>
        <button type="button" onClick={() => autosave.change('typed')}>
          Type
        </button>
        <button type="button" onClick={() => void closer.request()}>
          Close
        </button>
        {closer.asking ? (
          <button type="button" onClick={closer.discardAndClose}>
            Discard
          </button>
        ) : null}
      </div>
    );
  }

  it('closes after saving what was waiting', async () => {
    const onClose = vi.fn();
    const view = render(<Writer fail={false} onClose={onClose} />);
    await act(async () => view.getByText('Type').click());
    await act(async () => view.getByText('Close').click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('asks instead of closing when the save fails, and closes only when told to discard', async () => {
    const onClose = vi.fn();
    const view = render(<Writer fail onClose={onClose} />);
    await act(async () => view.getByText('Type').click());
    await act(async () => view.getByText('Close').click());
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => view.getByText('Discard').click());
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
