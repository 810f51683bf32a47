import { api } from '../api/client';
import { useTokenSource } from '../api/http';
import type { Me, TokenResponse } from '../api/types';
import { emit } from '../events/bus';

/** The first-party OAuth client the shop's apps sign in as. */
export const CLIENT_ID = 'storefront';
const STORAGE_KEY = 'shop.session';
/** Renew this long before the access token expires (or at 80% of a short life), so requests rarely meet a 401. */
const RENEW_EARLY_MS = 30_000;

export interface Session {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number;
  user: Me;
}

type Listener = () => void;

/**
 * The auth session: tokens in memory, mirrored to sessionStorage so a reload keeps you signed in for the tab's
 * life (and no longer). One instance for the whole page: the shared library is a Module Federation singleton.
 */
class AuthStore {
  private session: Session | null = load();
  private listeners = new Set<Listener>();
  private refreshing: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    useTokenSource({ accessToken: () => this.session?.accessToken ?? null, refresh: () => this.refresh() });
    this.schedule();
  }

  get current(): Session | null {
    return this.session;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): Session | null => this.session;

  async signIn(email: string, password: string): Promise<Me> {
    const tokens = await api.auth.password(email, password, CLIENT_ID);
    return this.start(tokens);
  }

  async signUp(name: string, email: string, password: string): Promise<Me> {
    await api.auth.register({ name, email, password });
    return this.signIn(email, password);
  }

  async signOut(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    this.set(null);
    if (refreshToken) await api.auth.revoke(refreshToken).catch(() => undefined);
  }

  /** Trades the refresh token for new tokens; concurrent callers share one exchange (refresh tokens rotate). */
  refresh(): Promise<boolean> {
    if (!this.session?.refreshToken) return Promise.resolve(false);
    this.refreshing ??= this.exchange(this.session.refreshToken).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async exchange(refreshToken: string): Promise<boolean> {
    try {
      const tokens = await api.auth.refresh(refreshToken, CLIENT_ID);
      if (!this.session) return false;
      this.set({ ...this.session, ...fromTokens(tokens), refreshToken: tokens.refresh_token ?? refreshToken });
      return true;
    } catch {
      this.set(null);
      return false;
    }
  }

  private async start(tokens: TokenResponse): Promise<Me> {
    const provisional: Session = { ...fromTokens(tokens), refreshToken: tokens.refresh_token ?? null, user: anonymousUser };
    this.session = provisional;
    const user = await api.auth.me();
    this.set({ ...provisional, user });
    return user;
  }

  private set(session: Session | null): void {
    const wasSignedIn = this.session?.user.userId;
    this.session = session;
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
    this.schedule();
    this.listeners.forEach((listener) => listener());
    if (wasSignedIn !== session?.user.userId) {
      emit('shop:auth-changed', { user: session ? { ...session.user } : null });
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.session?.refreshToken) return;
    const remaining = this.session.expiresAt - Date.now();
    const wait = Math.max(1_000, remaining - RENEW_EARLY_MS, remaining * 0.8);
    this.timer = setTimeout(() => void this.refresh(), wait);
  }
}

const anonymousUser: Me = { userId: '', email: '', name: '', role: 'customer' };

function fromTokens(tokens: TokenResponse): Pick<Session, 'accessToken' | 'expiresAt'> {
  return { accessToken: tokens.access_token, expiresAt: Date.now() + tokens.expires_in * 1000 };
}

function load(): Session | null {
  try {
    const text = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(STORAGE_KEY);
    return text ? (JSON.parse(text) as Session) : null;
  } catch {
    return null;
  }
}

export const auth = new AuthStore();
