import { Component, type ReactNode } from 'react';
import { RouteErrorProvider } from '@/lib/router';

interface ErrorBoundaryProps {
  /** Shown instead of CHILDREN after they failed; reads the error with useRouteError(). */
  fallback: ReactNode;
  /** A new value (the next page's path) tries the children again. */
  resetKey?: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
  error: unknown;
}

/**
 * Catches a page that fails to render or whose code fails to load, so the person gets a way
 * out instead of a blank screen. React offers boundaries only as class components.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, error: undefined };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failed: true, error };
  }

  override componentDidUpdate(previous: ErrorBoundaryProps) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) {
      this.setState({ failed: false, error: undefined });
    }
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <RouteErrorProvider value={this.state.error}>{this.props.fallback}</RouteErrorProvider>;
  }
}
