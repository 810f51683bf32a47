import { Link, useNavigate } from 'react-router';
import { auth, emit, useSession } from '@shop/shared';

export function AccountMenu() {
  const session = useSession();
  const navigate = useNavigate();
  if (!session) {
    return (
      <>
        <Link to="/account/signin" className="btn btn-ghost">Sign in</Link>
        <Link to="/account/signup" className="btn btn-primary">Create account</Link>
      </>
    );
  }
  return (
    <>
      <span className="muted" data-testid="signed-in-as">Hi, {session.user.name || session.user.email}</span>
      <button type="button" className="btn btn-secondary" onClick={async () => {
        await auth.signOut();
        emit('shop:toast', { message: 'You are signed out.', kind: 'info' });
        navigate('/');
      }}>Sign out</button>
    </>
  );
}
