import type { ReactNode } from 'react';
import { Page } from '@/components/page';
import './auth.css';

/** The shell for pages shown before anyone is signed in: brand, one card, one main landmark. */
export function AuthScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth-screen" id="main-content">
      <p className="auth-brand">Stockroom</p>
      <div className="auth-card">
        <Page title={title}>{children}</Page>
      </div>
    </main>
  );
}
