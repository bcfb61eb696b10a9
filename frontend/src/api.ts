// The HTTP API (functions/api): JSON over fetch, RFC 9457 problem+json errors turned into ApiError.
import { config } from './config';
import { currentToken, refreshTokens, signIn } from './auth';

export class ApiError extends Error {
  constructor(
    /** 0 when the API could not be reached at all. */
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail ? `${title}：${detail}` : title);
  }
  get unreachable(): boolean {
    return this.status === 0;
  }
}

export type Query = Record<string, string | number | null | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const qs = new URLSearchParams();
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v !== null && v !== undefined && String(v) !== '') qs.set(k, String(v));
    }
  }
  const s = qs.toString();
  return `${config().apiBase}${path}${s ? `?${s}` : ''}`;
}

async function problemOf(res: Response): Promise<ApiError> {
  let title = `接口返回错误（HTTP ${res.status}）`;
  let detail = '';
  try {
    const text = await res.text();
    const body = JSON.parse(text) as { title?: unknown; detail?: unknown; message?: unknown };
    if (typeof body.title === 'string' && body.title) title = body.title;
    if (typeof body.detail === 'string') detail = body.detail;
    else if (typeof body.message === 'string') detail = body.message;
  } catch {
    /* not JSON: keep the status line */
  }
  if (res.status === 404 && !detail) detail = '未找到所请求的内容';
  if (res.status === 401 && !detail) detail = '需要登录后才能查看或上传';
  return new ApiError(res.status, title, detail);
}

/** One request; null when no answer could be read (the network, or an answer the browser withheld for lack of CORS). */
async function fetchOnce(method: string, path: string, query: Query | undefined, body: unknown, signal: AbortSignal | undefined,
  token: string | null): Promise<Response | null> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // a file goes as it is (a roster's CSV, in whatever encoding it was saved); anything else as JSON
  const file = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = file ? (body.type || 'text/csv') : 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(apiUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
      signal,
      credentials: 'omit',
      // revalidate every read (If-None-Match → 304 when unchanged): the API lets caches keep an answer for 10 s,
      // and the page must never show a list or summary from before an upload or a deletion the user just made
      cache: 'no-cache',
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    return null;
  }
}

/** Sends the user to the hosted sign-in, back to this very view afterwards; the caller's request is not made. */
async function signInAgain(): Promise<never> {
  await signIn(location.hash || '#/');
  throw new ApiError(401, '登录已过期', '正在转到登录页，登录后回到当前页面');
}

async function send(method: string, path: string, query: Query | undefined, body: unknown, signal?: AbortSignal,
  auth = false): Promise<Response> {
  // writes need the signed-in user's token in AWS; reads too where the stack protects them (ProtectReads). A token
  // at its end is refreshed first, without leaving the page.
  const signInConfigured = !!config().auth;
  let token = signInConfigured ? await currentToken() : null;
  if (!token && auth) throw new ApiError(401, '需要登录', '请先登录后再上传');
  let res = await fetchOnce(method, path, query, body, signal, token);
  // a read that could not reach the API is tried once more after a moment (a restarting function, a dropped
  // connection); writes are not repeated for that
  if (!res && method === 'GET') {
    await new Promise((r) => setTimeout(r, 800));
    res = await fetchOnce(method, path, query, body, signal, token);
  }
  // API Gateway's authorizer answers a token it no longer accepts (expired early, revoked) with a 401 that carries
  // no CORS headers: the browser reports no answer at all. With a token sent, that is what no answer most likely
  // means: refresh the token and send the request once more; when the refresh is refused, sign in again.
  if (token && (!res || res.status === 401)) {
    if (await refreshTokens()) {
      token = await currentToken();
      res = await fetchOnce(method, path, query, body, signal, token);
    } else if (auth || method !== 'GET') {
      await signInAgain();
    }
  }
  if (!res) {
    throw new ApiError(0, '无法连接到接口服务', `${config().apiBase || location.origin} 没有响应：接口未启动、网络不通，或浏览器拦截了跨域请求`);
  }
  if (!res.ok) throw await problemOf(res);
  return res;
}

async function json<T>(res: Response): Promise<T> {
  const type = res.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) {
    throw new ApiError(res.status, '接口返回的不是 JSON', `${res.url} 返回了 ${type || '未知类型'}：config.json 中的接口地址可能有误`);
  }
  return (await res.json()) as T;
}

export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  return json<T>(await send('GET', path, query, undefined, signal));
}

/** A review write (PUT, POST, DELETE) with a JSON answer; a 401 asks for a sign-in like an upload's. */
export async function writeJson<T>(method: 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return json<T>(await send(method, path, undefined, body, undefined, !!config().auth));
}

export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal, auth = false): Promise<T> {
  return json<T>(await send('POST', path, undefined, body, signal, auth));
}

/** PUTs a file as the request body (its own type, text/csv when it has none). */
export async function putFile<T>(path: string, query: Query, file: Blob, signal?: AbortSignal, auth = false): Promise<T> {
  return json<T>(await send('PUT', path, query, file, signal, auth));
}

// ---- shapes the page reads (tolerant of the few names an API might choose) ----

export interface Location {
  section?: string;
  row?: string;
  column?: string;
}

export interface Finding {
  rule: string;
  /** error, warning: about the report; note: a reading note (how nianbao read the document), never a problem. */
  severity: 'error' | 'warning' | 'note' | string;
  location?: Location | null;
  message: string;
  expected?: string | number | null;
  actual?: string | number | null;
  /** A reviewer's decision (issue 14): a dismissed finding is listed but no longer counted or marked. */
  review?: { state?: string; reason?: string | null; returned?: string | null } | null;
  /** Its identity across re-reads: what a review decision is written to. */
  fingerprint?: string;
}

export interface ReportRow {
  reportId: string;
  /** The agency: region code and body of its name, one across the ways its name is printed. */
  agencyKey?: string | null;
  agency: string | null;
  year: number | null;
  province: string | null;
  city: string | null;
  county: string | null;
  status: string;
  errors: number;
  warnings: number;
  /** Reading notes: counted apart, never among the warnings. */
  notes: number;
  title: string | null;
  uploadedAt: string | null;
  sourceName?: string | null;
  reason?: string | null;
  /** The rules the report has findings of (list rows). */
  rules?: string[];
  /** Its review state (PENDING, REVIEWED, NOTIFIED, RECTIFIED); null for a rejected upload. */
  reviewState?: string | null;
}

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

type Loose = Record<string, unknown>;

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : v === null || v === undefined ? null : String(v);
}
function num(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return null;
}

export function toRow(raw: Loose): ReportRow {
  const region = (raw.region as Loose | null) ?? {};
  const counts = (raw.findingCounts as Loose | null) ?? (raw.counts as Loose | null) ?? {};
  const source = (raw.source as Loose | null) ?? {};
  return {
    reportId: String(raw.reportId ?? raw.id ?? ''),
    agencyKey: str(raw.agencyKey),
    agency: str(raw.agency),
    year: num(raw.year),
    province: str(raw.province ?? region.province),
    city: str(raw.city ?? region.city),
    county: str(raw.county ?? region.county),
    status: String(raw.status ?? ''),
    errors: num(raw.errors ?? counts.errors ?? counts.error) ?? 0,
    warnings: num(raw.warnings ?? counts.warnings ?? counts.warning) ?? 0,
    notes: num(raw.notes ?? counts.notes ?? counts.note) ?? 0,
    title: str(raw.title),
    uploadedAt: str(raw.uploadedAt ?? raw.uploaded),
    sourceName: str(raw.sourceName ?? source.name ?? source.key),
    reason: str(raw.reason ?? raw.rejectedReason),
    rules: Array.isArray(raw.rules) ? (raw.rules as unknown[]).map(String) : [],
    reviewState: str(raw.reviewState),
  };
}

export function toPage<T>(raw: Loose, map: (x: Loose) => T): Page<T> {
  const list = (raw.items ?? raw.reports ?? raw.data ?? []) as Loose[];
  const cursor = str(raw.cursor ?? raw.nextCursor ?? raw.next ?? null);
  return { items: Array.isArray(list) ? list.map(map) : [], cursor: cursor || null };
}

export async function listReports(filter: Query, cursor: string | null, signal?: AbortSignal): Promise<Page<ReportRow>> {
  const raw = await getJson<Loose>('/reports', { ...filter, cursor, limit: filter.limit ?? 50 }, signal);
  return toPage(raw, toRow);
}
