import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page whose code is fetched the first time it is shown, or earlier with `preload()`. */
export interface LazyPage {
  (): React.JSX.Element;
  /** Fetches the page's code now (resolves when it can render without waiting). */
  preload(): Promise<void>;
}

/**
 * Splits a page into its own chunk, so the first screen (Today) loads only its own code. Once the
 * chunk is in, the page renders directly, without a Suspense round; a chunk that failed to load
 * is fetched again on the next try (the error boundary's "Try again"), not remembered as failed.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const fetchPage = () => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        pending = null;
        current = makeLazy();
        throw error;
      },
    );
    return pending;
  };
  const makeLazy = (): LazyExoticComponent<ComponentType> =>
    lazy(() => fetchPage().then((component) => ({ default: component })));
  let current = makeLazy();

  function Page() {
    const Loaded = loaded;
    if (Loaded) return <Loaded />;
    const Lazy = current;
    return <Lazy />;
  }
  Page.preload = () => fetchPage().then(() => undefined);
  return Page;
}
