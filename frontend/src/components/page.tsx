import type { ReactNode } from 'react';
import { usePageTitle } from '@/hooks/use-page-title';

interface PageProps {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
}

/** Page heading plus the document title, which screen readers announce on navigation. */
export function Page({ title, description, children }: PageProps) {
  usePageTitle(title);
  return (
    <>
      <div className="page-header">
        <h1>{title}</h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {children}
    </>
  );
}
