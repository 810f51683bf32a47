import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from './useAuth';

/** Renders its children for a signed-in user (with the given role), or asks to sign in and comes back after. */
export function RequireSignIn({ children, role }: { children: ReactNode; role?: 'admin' }) {
  const session = useSession();
  const location = useLocation();
  const back = encodeURIComponent(location.pathname + location.search);
  if (!session) {
    return (
      <div className="empty">
        <h2>Please sign in</h2>
        <p>You need an account to see this page.</p>
        <Link className="btn btn-primary" to={`/account/signin?returnTo=${back}`}>Sign in</Link>
      </div>
    );
  }
  if (role && session.user.role !== role) {
    return (
      <div className="empty">
        <h2>Not allowed</h2>
        <p>This page is for shop administrators. You are signed in as {session.user.email}.</p>
      </div>
    );
  }
  return <>{children}</>;
}
