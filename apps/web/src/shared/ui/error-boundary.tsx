import { Component, ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** Shown instead of the children after they failed to render (e.g. a chunk that did not load). */
  fallback: ReactNode;
  children: ReactNode;
}

/** Keeps one failing part (such as the lazily loaded editor) from blanking the whole page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
