import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { Spinner, UnavailableIcon } from '@shop/shared';
import { reportError } from './releases/rum';

interface Props {
  /** Shown to the shopper, e.g. "The store" or "Your account". */
  area: string;
  /** Which remote this boundary holds (dashboard, user, admin): failures are reported against its version. */
  remote?: string;
  children: ReactNode;
  /** Something smaller than the full-page fallback, for remotes that fill a slot (the header's search box). */
  fallback?: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Isolates one remote: while its code loads it shows a spinner; if its remoteEntry.js cannot be fetched, or it
 * throws while rendering, this part of the page shows a friendly fallback and everything around it keeps working.
 */
export class RemoteBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[shell] ${this.props.area} failed to load or render`, error, info.componentStack);
    reportError(error, 'remote-load-failure', this.props.remote);
  }

  override render() {
    if (this.state.error) {
      return this.props.fallback ?? (
        <section className="remote-fallback" role="alert" data-remote-fallback={this.props.area}>
          <div className="fallback-icon"><UnavailableIcon /></div>
          <h2>{this.props.area} is unavailable right now</h2>
          <p className="muted">We could not load this part of the shop. The rest of the store still works.</p>
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>Try again</button>
        </section>
      );
    }
    return (
      <Suspense fallback={this.props.fallback ?? <Spinner label={`Loading ${this.props.area.toLowerCase()}…`} />}>
        {this.props.children}
      </Suspense>
    );
  }
}
