// 上传: drop or pick files; each is announced to POST /uploads (name, type, size), PUT to the presigned URL
// with a progress bar, then GET /uploads/status?key= is polled until ingest has read it, with a link to the
// report. In AWS the user signs in first (Cognito hosted UI, code + PKCE); on the local stack there is no sign-in.
import type { ViewContext } from '../main';
import { ApiError, getJson, postJson } from '../api';
import { config } from '../config';
import { signIn, signInRequired, signOut, signedIn } from '../auth';
import { h, fmtBytes, mount } from '../dom';
import { statusBadge, viewHeader } from '../ui';
import vocabulary from '../generated/vocabulary.json';
import { STATUS_LABELS } from '../labels';

export const MAX_BYTES = 20 * 1024 * 1024;
// what may be uploaded: core's one list (Vocabulary.UPLOAD_TYPES), which POST /uploads checks too
const TYPES: Record<string, string> = Object.fromEntries(
  vocabulary.uploadTypes.map((t) => [t.extension, t.contentType]));
const ACCEPT = vocabulary.uploadTypes.map((t) => `.${t.extension}`).join(',');
const ACCEPTED_NAMES = [...new Set(vocabulary.uploadTypes.map((t) => t.extension.toUpperCase()))].join('、');
const PARALLEL = 3;
const POLL_LIMIT_MS = 3 * 60 * 1000;

interface Presigned {
  url: string;
  key: string;
  method?: string;
  headers?: Record<string, string>;
}

interface UploadStatus {
  state: string;
  reportId: string | null;
  reason: string | null;
  reportStatus: string | null;
  errors: number | null;
  warnings: number | null;
  notes: number | null;
  /** whether the uploaded file's own version is the report's current one (null: not said) */
  current: boolean | null;
  /** the current version this upload replaced, if it did */
  replaced: { sha256: string; name: string | null; uploadedAt: string | null } | null;
  /** a ZIP of documents (BATCH): each document, an upload of its own */
  entries: BatchEntry[];
}

interface BatchEntry {
  key: string;
  name: string;
  state: string;
  reportId: string | null;
  reason: string | null;
}

const ENTRY_STATES: Record<string, string> = {
  PENDING: '等待处理', RECOGNISING: '文字识别中', INGESTED: '已入库', REJECTED: STATUS_LABELS.REJECTED, REMOVED: '已删除',
};

/** A batch's documents with their states and links; true once none is still being read. */
function showEntries(list: HTMLElement, entries: BatchEntry[]): boolean {
  list.replaceChildren(...entries.map((e) => h('li', { class: `up-entry up-entry-${e.state.toLowerCase()}` },
    h('span', { class: 'up-entry-name' }, e.name), ' · ',
    e.state === 'RECOGNISING' && e.reason ? e.reason : (ENTRY_STATES[e.state] ?? e.state),
    e.state === 'REJECTED' && e.reason ? `：${e.reason}` : '',
    e.reportId && e.state === 'INGESTED'
      ? h('a', { href: `#/reports/${encodeURIComponent(e.reportId)}`, class: 'report-link' }, ' 打开报告') : '')));
  return entries.length > 0 && entries.every((e) => e.state !== 'PENDING' && e.state !== 'RECOGNISING');
}

function extOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i >= 0 ? name.slice(i + 1).toLowerCase() : '';
}

/** A reason not to upload this file, or null. */
export function refusal(file: File): string | null {
  if (file.size === 0) return '文件是空的';
  if (file.size > MAX_BYTES) return `文件过大（${fmtBytes(file.size)}），单个文件不能超过 20 MB`;
  if (!TYPES[extOf(file.name)]) return `不支持的文件类型“.${extOf(file.name) || '（无扩展名）'}”：可上传 ${ACCEPTED_NAMES}`;
  return null;
}

function toStatus(raw: Record<string, unknown>): UploadStatus {
  const report = (raw.report as Record<string, unknown> | undefined) ?? {};
  const s = String(raw.state ?? raw.status ?? raw.outcome ?? 'PENDING').toUpperCase();
  return {
    state: s,
    reportId: (raw.reportId ?? report.reportId ?? null) as string | null,
    reason: (raw.reason ?? raw.detail ?? null) as string | null,
    reportStatus: (raw.reportStatus ?? report.status ?? (raw.state !== undefined ? raw.status : null) ?? null) as string | null,
    errors: (raw.errors ?? report.errors ?? null) as number | null,
    warnings: (raw.warnings ?? report.warnings ?? null) as number | null,
    notes: (raw.notes ?? report.notes ?? null) as number | null,
    current: typeof raw.current === 'boolean' ? raw.current : null,
    replaced: (raw.replaced ?? null) as UploadStatus['replaced'],
    entries: (Array.isArray(raw.entries) ? raw.entries : []) as BatchEntry[],
  };
}

/** What the upload did to the report's current version: replaced one (替换了 … 的当前版本), or left it. */
function versionNote(s: UploadStatus): string {
  if (s.replaced) {
    const r = s.replaced;
    const when = r.uploadedAt ? `（${r.uploadedAt.slice(0, 10)} 上传）` : '';
    return `替换了 ${r.name ?? r.sha256.slice(0, 12)}${when} 的当前版本`;
  }
  return s.current === false ? '已存为该报告的另一版本，当前版本未变' : '';
}

function put(p: Presigned, file: File, contentType: string, onProgress: (f: number) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(p.method ?? 'PUT', p.url);
    const headers = { 'Content-Type': contentType, ...(p.headers ?? {}) };
    for (const [k, v] of Object.entries(headers)) {
      if (!/^(content-length|host)$/i.test(k)) xhr.setRequestHeader(k, v);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve()
      : reject(new ApiError(xhr.status, '存储服务拒绝了上传', `HTTP ${xhr.status}${xhr.status === 403 ? '：上传地址已过期或签名不符' : ''}`)));
    xhr.onerror = () => reject(new ApiError(0, '上传失败', '无法连接到存储服务（网络中断，或存储桶未允许本站跨域上传）'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}

export async function render(ctx: ViewContext): Promise<void> {
  document.title = '上传 · 政府信息公开年报核查';
  const auth = config().auth;
  const signInError = sessionStorage.getItem('nianbao.signInError');
  sessionStorage.removeItem('nianbao.signInError');

  const input = h('input', { type: 'file', id: 'file-input', multiple: true, accept: ACCEPT, class: 'sr-only' });
  const zone = h('label', { for: 'file-input', class: 'dropzone', id: 'dropzone' },
    h('span', { class: 'dz-title' }, '把报告文件拖到这里，或点击选择文件'),
    h('span', { class: 'dz-note' }, `可一次选择多个文件 · ${ACCEPTED_NAMES} · 扫描件自动文字识别；ZIP 可装多份报告 · 每个不超过 20 MB`));
  const items = h('ol', { class: 'uploads', 'aria-label': '上传的文件' });
  const account = h('div', { class: 'account' });

  const locked = () => signInRequired();
  function drawAccount(): void {
    if (!auth) {
      account.replaceChildren(h('p', { class: 'muted' }, '本地环境：无需登录。'));
      return;
    }
    if (signedIn()) {
      const out = h('button', { type: 'button', class: 'btn btn-small' }, '退出登录');
      out.addEventListener('click', () => signOut());
      account.replaceChildren(h('p', null, '已登录，可以上传。 ', out));
    } else {
      const b = h('button', { type: 'button', class: 'btn primary' }, '登录后上传');
      b.addEventListener('click', () => void signIn('#/upload'));
      account.replaceChildren(h('p', { class: 'callout warning' }, '上传需要先登录。 ', b));
    }
    zone.classList.toggle('disabled', locked());
    input.disabled = locked();
  }
  drawAccount();

  mount(ctx.main,
    viewHeader('上传报告', h('span', { class: 'muted' }, '上传后自动识别、核查，完成后可打开报告')),
    signInError ? h('p', { class: 'callout error', role: 'alert' }, signInError) : null,
    account, input, zone, items);

  const queue: (() => Promise<void>)[] = [];
  let running = 0;
  const pump = () => {
    while (running < PARALLEL && queue.length) {
      const job = queue.shift()!;
      running++;
      void job().finally(() => {
        running--;
        pump();
      });
    }
  };

  function add(files: FileList | File[]): void {
    if (locked()) return;
    for (const file of Array.from(files)) {
      const bar = h('progress', { max: '100', value: '0', 'aria-label': `${file.name} 上传进度` });
      const state = h('span', { class: 'up-state', role: 'status' }, '等待上传');
      const link = h('span', { class: 'up-link' });
      const li = h('li', { class: 'upload', 'data-file': file.name },
        h('div', { class: 'up-head' }, h('span', { class: 'up-name' }, file.name), h('span', { class: 'muted' }, fmtBytes(file.size))),
        bar, h('div', { class: 'up-foot' }, state, link));
      items.append(li);
      const fail = (msg: string) => {
        li.classList.add('failed');
        bar.remove();
        state.textContent = msg;
      };
      const refused = refusal(file);
      if (refused) {
        li.classList.add('refused');
        fail(refused);
        continue;
      }
      queue.push(async () => {
        const contentType = TYPES[extOf(file.name)];
        try {
          state.textContent = '正在申请上传地址…';
          const p = await postJson<Presigned>('/uploads', { fileName: file.name, contentType, size: file.size }, ctx.signal, !!auth);
          state.textContent = '正在上传…';
          await put(p, file, contentType, (f) => {
            bar.value = Math.round(f * 100);
            state.textContent = `正在上传… ${Math.round(f * 100)}%`;
          }, ctx.signal);
          bar.value = 100;
          state.textContent = '已上传，等待识别…';
          li.classList.add('uploaded');
          let started = Date.now();
          let lastEntries = '';
          let wait = 500;
          for (;;) {
            await sleep(wait, ctx.signal);
            wait = Math.min(wait * 1.5, 3000);
            let s: UploadStatus;
            try {
              s = toStatus(await getJson<Record<string, unknown>>('/uploads/status', { key: p.key }, ctx.signal));
            } catch (e) {
              if (e instanceof ApiError && e.status === 404) s = toStatus({ state: 'PENDING' });
              else throw e;
            }
            if (s.state === 'REJECTED' || s.state === 'FAILED') {
              li.classList.add('rejected');
              bar.remove();
              state.replaceChildren(statusBadge('REJECTED'), ` 未能识别为年度报告：${s.reason ?? '原因未知'}`);
              if (s.reportId) link.replaceChildren(h('a', { href: `#/reports/${encodeURIComponent(s.reportId)}` }, '查看记录'));
              return;
            }
            if (s.state === 'REMOVED') {
              fail('文件已被删除，未保留报告');
              return;
            }
            if (s.state === 'BATCH') {
              // a ZIP of documents: each is read on its own; the list follows them until none is in progress
              state.textContent = s.reason ?? '压缩包已拆开';
              let list = li.querySelector<HTMLElement>('ol.up-entries');
              if (!list) {
                list = h('ol', { class: 'up-entries', 'aria-label': '压缩包中的文件' });
                li.append(list);
              }
              if (showEntries(list, s.entries)) {
                li.classList.add('done');
                bar.remove();
                return;
              }
              const seen = JSON.stringify(s.entries);
              if (seen !== lastEntries) {
                lastEntries = seen;
                started = Date.now();
              }
            } else if (s.state === 'RECOGNISING') {
              // a scan: seconds per page; the limit counts from the last progress, not from the upload
              if (s.reason && state.textContent !== s.reason) {
                state.textContent = s.reason;
                started = Date.now();
              }
            } else if (s.reportId && s.state !== 'PENDING') {
              li.classList.add('done');
              bar.remove();
              const counts = s.errors !== null ? ` 错误 ${s.errors} · 警告 ${s.warnings ?? 0}${s.notes ? ` · 读取说明 ${s.notes}` : ''}` : '';
              state.replaceChildren(s.reportStatus ? statusBadge(s.reportStatus) : '已识别', counts);
              const note = versionNote(s);
              if (note) state.append(h('span', { class: 'up-replaced' }, ` · ${note}`));
              link.replaceChildren(h('a', { href: `#/reports/${encodeURIComponent(s.reportId)}`, class: 'report-link' }, '打开报告'));
              return;
            }
            if (Date.now() - started > POLL_LIMIT_MS) {
              fail('已上传，但识别尚未完成：请稍后在报告列表中查看');
              return;
            }
          }
        } catch (e) {
          if ((e as Error).name === 'AbortError') return;
          if (e instanceof ApiError) {
            if (e.status === 413) fail(`文件过大：${e.detail || '单个文件不能超过 20 MB'}`);
            else if (e.status === 401 || e.status === 403) fail(`没有上传权限：${e.detail || '请先登录'}`);
            else fail(`${e.title}${e.detail ? `：${e.detail}` : ''}`);
          } else fail(`上传失败：${(e as Error).message}`);
        }
      });
    }
    pump();
  }

  input.addEventListener('change', () => {
    if (input.files && input.files.length) add(input.files);
    input.value = '';
  }, { signal: ctx.signal });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  }, { signal: ctx.signal });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'), { signal: ctx.signal });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer?.files?.length) add(e.dataTransfer.files);
  }, { signal: ctx.signal });
  // a file dropped beside the zone must not navigate away from the page
  window.addEventListener('dragover', (e) => e.preventDefault(), { signal: ctx.signal });
  window.addEventListener('drop', (e) => e.preventDefault(), { signal: ctx.signal });
}
