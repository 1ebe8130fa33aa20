import { act, render, screen } from '@testing-library/react';
import { Suspense, useRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../renderer/components/ErrorBoundary.js';
import { Loading } from '../../renderer/components/Loading.js';
import { useFocusOnNavigate } from '../../renderer/components/use-focus-on-navigate.js';
import { lazyPage } from '../../renderer/features/shell/lazy-page.js';
import { resetUiStore, useUiStore } from '../../renderer/stores/ui-store.js';
import { deferred } from './fake-api.js';

/** A page as the areas write them: its heading takes focus after a navigation. */
function SlowPage() {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnNavigate(heading);
  return (
    <h1 ref={heading} tabIndex={-1}>
      Pipeline
    </h1>
  );
}

function Shell({ Page }: { Page: () => React.JSX.Element }) {
  return (
    <>
      <a href="#pipeline">Pipeline</a>
      <ErrorBoundary>
        <Suspense fallback={<Loading label="Opening…" size="page" />}>
          <Page />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}

beforeEach(() => resetUiStore());

describe('an area loaded on first visit', () => {
  it('shows a quiet status while its code arrives, leaves focus alone, then focuses its heading', async () => {
    const code = deferred<typeof SlowPage>();
    const Page = lazyPage(() => code.promise);
    act(() => useUiStore.getState().navigate('pipeline'));
    render(<Shell Page={Page} />);
    const link = screen.getByRole('link', { name: 'Pipeline' });
    link.focus();
    expect(screen.getByRole('status')).toHaveTextContent('Opening…');
    expect(link).toHaveFocus();
    await act(async () => code.resolve(SlowPage));
    const heading = await screen.findByRole('heading', { name: 'Pipeline' });
    expect(heading).toHaveFocus();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('renders at once, without a fallback, once its code is in', async () => {
    const load = vi.fn(async () => SlowPage);
    const Page = lazyPage(load);
    await Page.preload();
    render(<Shell Page={Page} />);
    expect(screen.getByRole('heading', { name: 'Pipeline' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('fetches the code again after a failed load when the user tries again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    const Page = lazyPage(async () => {
      if (fail) throw new Error('chunk missing');
      return SlowPage;
    });
    render(<Shell Page={Page} />);
    const retry = await screen.findByRole('button', { name: /try again/i });
    fail = false;
    await act(async () => retry.click());
    expect(await screen.findByRole('heading', { name: 'Pipeline' })).toBeInTheDocument();
    vi.restoreAllMocks();
  });
});
