import { useSyncExternalStore } from 'react';
import { auth, type Session } from './authStore';

/** The current session (null when signed out); re-renders on sign in, sign out and token renewal. */
export function useSession(): Session | null {
  return useSyncExternalStore(auth.subscribe, auth.snapshot, auth.snapshot);
}
