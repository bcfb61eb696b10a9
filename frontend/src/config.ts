// config.json beside index.html: written by the local stack (`./nianbao serve`) and by the deploy step.
//   {"apiBase": "http://127.0.0.1:PORT", "auth": null}
//   {"apiBase": "https://…execute-api…", "auth": {"domain": "https://….auth.….amazoncognito.com",
//     "clientId": "…", "redirectUri": "https://…/", "scopes": ["openid", "email"]}}

export interface AuthConfig {
  /** Cognito hosted UI base, e.g. https://nianbao.auth.ap-east-1.amazoncognito.com (https:// may be omitted). */
  domain: string;
  clientId: string;
  /** Where Cognito sends the browser back; default the page's own address without its hash. */
  redirectUri?: string;
  scopes?: string[] | string;
}

export interface Config {
  apiBase: string;
  auth: AuthConfig | null;
  /** Set when config.json could not be read: the page still tries the API on its own origin. */
  problem?: string;
}

let loaded: Config | null = null;

export async function loadConfig(): Promise<Config> {
  if (loaded) return loaded;
  try {
    const res = await fetch('config.json', { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const raw = (await res.json()) as Partial<Config> & { apiUrl?: string };
    // "apiBase" as the page names it; "apiUrl" as the local stack and the deploy step may write it
    const base = typeof raw.apiBase === 'string' ? raw.apiBase : typeof raw.apiUrl === 'string' ? raw.apiUrl : null;
    if (base === null) throw new Error('没有 apiBase');
    const apiBase = base.replace(/\/+$/, '');
    const a = (raw.auth && typeof raw.auth === 'object' ? raw.auth : null) as Record<string, unknown> | null;
    // names as the deploy step may write them, after the template's outputs (SignInDomain, UserPoolClientId)
    const domain = a && (a.domain ?? a.signInDomain ?? a.hostedUi);
    const clientId = a && (a.clientId ?? a.userPoolClientId);
    const auth: AuthConfig | null = a && typeof domain === 'string' && typeof clientId === 'string'
      ? { domain, clientId, redirectUri: a.redirectUri as string | undefined, scopes: a.scopes as string[] | string | undefined }
      : null;
    loaded = { apiBase, auth };
  } catch (e) {
    loaded = { apiBase: '', auth: null, problem: `未能读取 config.json（${(e as Error).message}），改用本页所在地址访问接口` };
  }
  return loaded;
}

export function config(): Config {
  if (!loaded) throw new Error('config not loaded');
  return loaded;
}
