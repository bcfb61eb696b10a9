// Sign-in for uploads in AWS: the Cognito hosted UI, authorization code with PKCE (no client secret in the
// page). On the local stack config.json has "auth": null and nothing here runs.
import { config, type AuthConfig } from './config';

const TOKENS = 'nianbao.tokens';
const PENDING = 'nianbao.pkce';

interface Tokens {
  accessToken: string;
  idToken?: string;
  /** Cognito's refresh token (30 days by default): new access tokens without sending the user away. */
  refreshToken?: string;
  expiresAt: number;
}

function hostedUi(auth: AuthConfig): string {
  const d = auth.domain.replace(/\/+$/, '');
  return /^https?:\/\//.test(d) ? d : `https://${d}`;
}

function redirectUri(auth: AuthConfig): string {
  return auth.redirectUri || `${location.origin}${location.pathname}`;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => {
    s += String.fromCharCode(b);
  });
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(n = 48): string {
  const bytes = new Uint8Array(n);
  crypto.getRandomValues(bytes);
  return base64url(bytes);
}

function storedTokens(): Tokens | null {
  try {
    const t = JSON.parse(sessionStorage.getItem(TOKENS) || 'null') as Tokens | null;
    if (t && t.accessToken) return t;
  } catch {
    /* ignore */
  }
  return null;
}

function readTokens(): Tokens | null {
  const t = storedTokens();
  return t && t.expiresAt > Date.now() + 30_000 ? t : null;
}

function keep(body: { access_token: string; id_token?: string; refresh_token?: string; expires_in?: number },
  refreshToken?: string): void {
  const tokens: Tokens = {
    accessToken: body.access_token,
    idToken: body.id_token,
    // Cognito returns no new refresh token on a refresh: the one held stays valid
    refreshToken: body.refresh_token ?? refreshToken,
    expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000,
  };
  sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
}

let refreshing: Promise<boolean> | null = null;

/**
 * New tokens from the refresh token (hosted UI /oauth2/token, grant_type=refresh_token), without leaving the page:
 * false when there is none or Cognito refuses it (expired, revoked, the user disabled), and the tokens held are
 * then dropped. Concurrent callers share one request.
 */
export function refreshTokens(): Promise<boolean> {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    const auth = config().auth;
    const held = storedTokens();
    if (!auth || !held?.refreshToken) return false;
    try {
      const res = await fetch(`${hostedUi(auth)}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'refresh_token', client_id: auth.clientId, refresh_token: held.refreshToken })
          .toString(),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      keep((await res.json()) as { access_token: string; id_token?: string; expires_in?: number }, held.refreshToken);
      return true;
    } catch {
      sessionStorage.removeItem(TOKENS);
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** The access token to send: the one held, or a refreshed one when it has (nearly) expired; null when signed out. */
export async function currentToken(): Promise<string | null> {
  if (!config().auth) return null;
  const held = readTokens();
  if (held) return held.accessToken;
  return (await refreshTokens()) ? readTokens()?.accessToken ?? null : null;
}

/**
 * Whether the user is an administrator (Cognito group admin in the access token), to offer deleting and restoring:
 * the API decides, this only spares others a button that would be refused. Locally (no sign-in) the one local user is.
 */
export function isAdministrator(): boolean {
  if (!config().auth) return true;
  const token = storedTokens()?.accessToken;
  try {
    const payload = JSON.parse(atob((token ?? '').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    const groups = payload['cognito:groups'];
    return Array.isArray(groups) && groups.includes('admin');
  } catch {
    return false;
  }
}

/** Whether the page holds tokens it could send or refresh (a sign-in happened in this tab). */
export function mayRefresh(): boolean {
  return !!config().auth && !!storedTokens()?.refreshToken;
}

/** Whether uploads need a sign-in (AWS) and none is held. */
export function signInRequired(): boolean {
  return !!config().auth && !readTokens();
}

export function signedIn(): boolean {
  return !!readTokens() || mayRefresh();
}

export function accessToken(): string | null {
  return readTokens()?.accessToken ?? null;
}

/** Sends the browser to the hosted UI; it comes back to this page with ?code=&state=. */
export async function signIn(returnTo: string): Promise<void> {
  const auth = config().auth;
  if (!auth) return;
  const verifier = randomString(48);
  const state = randomString(16);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const scopes = Array.isArray(auth.scopes) ? auth.scopes.join(' ') : auth.scopes || 'openid email';
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: redirectUri(auth),
    scope: scopes,
    state,
    code_challenge: base64url(digest),
    code_challenge_method: 'S256',
  });
  location.assign(`${hostedUi(auth)}/oauth2/authorize?${q.toString()}`);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKENS);
  const auth = config().auth;
  if (!auth) return;
  const q = new URLSearchParams({ client_id: auth.clientId, logout_uri: redirectUri(auth) });
  location.assign(`${hostedUi(auth)}/logout?${q.toString()}`);
}

/**
 * On the way back from the hosted UI: exchanges ?code= for tokens, removes code and state from the address
 * and returns the hash route to resume, or null when this load is not a sign-in return.
 */
export async function completeSignIn(): Promise<{ returnTo: string | null; error?: string }> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const err = params.get('error');
  if (!code && !err) return { returnTo: null };
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null') as
    | { verifier: string; state: string; returnTo: string }
    | null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
  const auth = config().auth;
  if (err) return { returnTo: pending?.returnTo ?? '#/upload', error: `登录未完成：${params.get('error_description') || err}` };
  if (!auth || !pending || pending.state !== params.get('state')) {
    return { returnTo: '#/upload', error: '登录状态不匹配，请重新登录' };
  }
  try {
    const res = await fetch(`${hostedUi(auth)}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: auth.clientId,
        code: code as string,
        redirect_uri: redirectUri(auth),
        code_verifier: pending.verifier,
      }).toString(),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    keep((await res.json()) as { access_token: string; id_token?: string; refresh_token?: string; expires_in?: number });
    return { returnTo: pending.returnTo };
  } catch (e) {
    return { returnTo: pending.returnTo, error: `换取登录凭据失败（${(e as Error).message}）` };
  }
}
