import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** "screen" replaces one page and keeps the sidebar; "app" is the last line of defence. */
  scope?: 'screen' | 'app';
}

interface State {
  error: Error | null;
}

/** Turns a rendering crash into a plain explanation and a way back, never a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[renderer] a screen failed to render', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className={this.props.scope === 'app' ? 'crash crash-app' : 'crash'} role="alert">
        <h1 className="crash-title">Something went wrong on this screen</h1>
        <p>
          Rapport hit an unexpected problem while showing this screen. Your saved data is safe: it
          only changes when you save something.
        </p>
        <p>Try again. If the problem comes back, restart Rapport.</p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={this.retry}>
            Try again
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload Rapport
          </button>
        </div>
        <details className="crash-details">
          <summary>Technical details</summary>
          <pre>{error.message}</pre>
        </details>
      </div>
    );
  }
}
