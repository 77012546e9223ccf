import { ReactNode } from 'react';
import { PageHeading } from '../../shared/ui/page-heading';
import './auth.css';

/** The calm single-column card that holds the login and registration forms. */
export function AuthLayout({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <div className="auth">
      <PageHeading>{title}</PageHeading>
      <p className="lead">{intro}</p>
      {children}
    </div>
  );
}
