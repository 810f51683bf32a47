import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, auth, Button, emit, ErrorMessage, TextField } from '@shop/shared';
import { returnTo } from './returnTo';

export function SignUp() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldErrors(field)[0] : undefined);
  const tooShort = form.password.length > 0 && form.password.length < 8;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (tooShort) return;
    setBusy(true);
    setError(undefined);
    try {
      const user = await auth.signUp(form.name.trim(), form.email.trim(), form.password);
      emit('shop:toast', { message: `Welcome, ${user.name}! Your account is ready.`, kind: 'success' });
      navigate(returnTo(params), { replace: true });
    } catch (reason) {
      const taken = reason instanceof ApiError && reason.status === 409;
      setError(taken ? new Error('An account with this email already exists. Sign in instead.') : (reason as Error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form-narrow" onSubmit={submit} aria-labelledby="signup-title" noValidate>
      <h1 id="signup-title">Create your account</h1>
      {error && <ErrorMessage error={error} title="Could not create the account" />}
      <TextField label="Name" autoComplete="name" required value={form.name} onChange={set('name')} error={fieldError('name')} />
      <TextField label="Email" type="email" autoComplete="email" required value={form.email} onChange={set('email')} error={fieldError('email')} />
      <TextField label="Password" type="password" autoComplete="new-password" required minLength={8} value={form.password}
        onChange={set('password')} hint="At least 8 characters." error={tooShort ? 'The password needs at least 8 characters.' : fieldError('password')} />
      <Button type="submit" busy={busy} className="btn-lg" style={{ width: '100%' }}>Create account</Button>
      <p className="muted">Already have an account? <Link to={`/account/signin?${params.toString()}`}>Sign in</Link></p>
    </form>
  );
}
