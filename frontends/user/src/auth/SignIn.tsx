import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, auth, Button, emit, ErrorMessage, TextField } from '@shop/shared';
import { returnTo } from './returnTo';

export function SignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await auth.signIn(email.trim(), password);
      emit('shop:toast', { message: `Welcome back, ${user.name || user.email}!`, kind: 'success' });
      navigate(returnTo(params), { replace: true });
    } catch (reason) {
      const invalid = reason instanceof ApiError && reason.status === 400;
      setError(invalid ? new Error('The email or password is not right.') : (reason as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form-narrow" onSubmit={submit} aria-labelledby="signin-title" noValidate>
      <h1 id="signin-title">Sign in</h1>
      {error && <ErrorMessage error={error} title="Could not sign you in" />}
      <TextField label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      <Button type="submit" busy={busy} className="btn-lg" style={{ width: '100%' }}>Sign in</Button>
      <p className="muted">New here? <Link to={`/account/signup?${params.toString()}`}>Create an account</Link></p>
    </form>
  );
}
