/// <reference types="vite/client" />
// Where a value came from (docs/FORMAT.md, "evidence"): a reviewer clicks a filled cell, or presses Enter or Space
// on it, and a small panel shows the printed text around the value with the value highlighted, the table, row and
// column of the source, or — for a PDF — the region of the page, drawn in the browser by pdf.js (loaded only
// then), with the value's box outlined.
import { apiUrl } from './api';
import { currentToken } from './auth';
import { h } from './dom';
import { describeLocation } from './labels';

export interface Evidence {
  kind: 'text' | 'table' | 'pdf';
  page?: number;
  pageSize?: [number, number];
  box?: [number, number, number, number];
  table?: number;
  row?: number;
  column?: number;
  offset?: number;
  length?: number;
  excerpt?: string;
  highlight?: [number, number];
  inferred?: boolean;
  confidence?: number;
}

/** A cell's key in "evidence": its data-cell id (section|row|column) as section/row/column. */
export function evidenceKey(cellId: string): string {
  return cellId.split('|').filter((p) => p !== '').join('/');
}

/** Points of the page shown around the value's box: enough to see its row and its column's heading. */
const MARGIN_X = 150;
const MARGIN_Y = 45;
/** Canvas pixels per PDF point. */
const SCALE = 2;

let panel: HTMLElement | null = null;
let opener: HTMLElement | null = null;
const pdfs = new Map<string, Promise<unknown>>();

/**
 * Makes every filled cell under {@code root} that has evidence answer where its value came from; cells become
 * focusable so that the keyboard reaches them.
 */
export function installEvidence(root: HTMLElement, evidence: Record<string, Evidence> | null | undefined,
  sourceUrl: string, format: string | undefined): void {
  if (!evidence) return;
  for (const td of root.querySelectorAll<HTMLTableCellElement>('td[data-cell]')) {
    const key = evidenceKey(td.dataset.cell ?? '');
    if (!evidence[key] || td.classList.contains('blank') || td.classList.contains('missing')) continue;
    td.dataset.evidence = key;
    td.classList.add('has-evidence');
    td.tabIndex = 0;
    td.setAttribute('aria-haspopup', 'dialog');
  }
  const open = (td: HTMLElement) => show(td, evidence[td.dataset.evidence!], sourceUrl, format);
  // on the view's own tables (drawn anew for each report), never on the page's long-lived main element
  for (const table of root.querySelectorAll<HTMLTableElement>('table.official')) {
    table.addEventListener('click', (e) => {
      const td = (e.target as HTMLElement).closest<HTMLElement>('td[data-evidence]');
      if (td) open(td);
    });
    table.addEventListener('keydown', (e) => {
      const td = (e.target as HTMLElement).closest<HTMLElement>('td[data-evidence]');
      if (td && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        open(td);
      }
    });
  }
  window.addEventListener('hashchange', close, { once: true });
}

function close(): void {
  if (!panel) return;
  panel.remove();
  panel = null;
  opener?.focus({ preventScroll: true });
  opener = null;
}

function where(e: Evidence, format: string | undefined): string {
  const parts: string[] = [];
  if (e.page) parts.push(`第 ${e.page} 页`);
  if (e.table !== undefined) parts.push(`第 ${e.table + 1} 个表格`);
  if (e.row !== undefined) parts.push(`第 ${e.row + 1} 行`);
  if (e.column !== undefined) parts.push(`第 ${e.column + 1} 列`);
  if (e.offset !== undefined) parts.push(`原文第 ${e.offset + 1} 个字符起`);
  if (!parts.length) parts.push(format === 'html' || format === 'docx' ? '正文段落' : '正文');
  return parts.join('，');
}

function excerpt(e: Evidence): HTMLElement | null {
  if (!e.excerpt) return null;
  const [from, to] = e.highlight ?? [0, 0];
  return h('p', { class: 'evidence-excerpt' },
    e.excerpt.slice(0, from), h('mark', null, e.excerpt.slice(from, to)), e.excerpt.slice(to));
}

function show(td: HTMLElement, e: Evidence, sourceUrl: string, format: string | undefined): void {
  if (panel) panel.remove();
  opener = td;
  const [section, row, column] = (td.dataset.cell ?? '').split('|');
  const cellName = describeLocation({ section, row, column: column || undefined });
  const closeButton = h('button', { type: 'button', class: 'btn btn-small evidence-close' }, '关闭');
  closeButton.addEventListener('click', close);
  const figure = e.kind === 'pdf' && e.page && e.box ? h('div', { class: 'evidence-image' }, h('p', { class: 'muted small' }, '正在绘制原文页面…')) : null;
  panel = h('section', { class: 'evidence-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'evidence-title', tabindex: '-1' },
    h('div', { class: 'evidence-head' }, h('h2', { id: 'evidence-title', class: 'h-inline' }, '数值出处'), closeButton),
    h('p', null, h('strong', null, cellName), ` = ${td.textContent ?? ''}`),
    h('p', { class: 'evidence-where' }, where(e, format)),
    e.inferred ? h('p', { class: 'callout warning' }, '此值在原文中未印出，由本行的勾稽关系得出；下面是本行印出的数值。') : null,
    e.confidence !== undefined ? h('p', { class: 'muted small' }, `文字识别置信度 ${Math.round(e.confidence * 100)}%`) : null,
    figure,
    excerpt(e));
  panel.addEventListener('keydown', (k) => {
    if (k.key === 'Escape') close();
  });
  (td.closest('main') ?? document.body).append(panel);
  panel.focus();
  if (figure) void drawPdfRegion(figure, e, sourceUrl);
}

/** The page region around the value, drawn by pdf.js from the report's source file, with the value's box outlined. */
async function drawPdfRegion(figure: HTMLElement, e: Evidence, sourceUrl: string): Promise<void> {
  try {
    const pdfjs = await import('pdfjs-dist');
    const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    let loading = pdfs.get(sourceUrl);
    if (!loading) {
      loading = fetchSource(sourceUrl).then((data) => pdfjs.getDocument({ data }).promise);
      pdfs.set(sourceUrl, loading);
    }
    const doc = (await loading) as Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
    const page = await doc.getPage(e.page!);
    const viewport = page.getViewport({ scale: SCALE });
    const [x0, y0, x1, y1] = e.box!;
    const [vx, , , vy] = page.view; // the crop box: the box is measured from its top-left corner
    const corner = (x: number, y: number) => viewport.convertToViewportPoint(vx + x, vy - y) as [number, number];
    const [ax, ay] = corner(x0, y0);
    const [bx, by] = corner(x1, y1);
    const box = { left: Math.min(ax, bx), top: Math.min(ay, by), right: Math.max(ax, bx), bottom: Math.max(ay, by) };
    const region = {
      left: Math.max(0, box.left - MARGIN_X * SCALE), top: Math.max(0, box.top - MARGIN_Y * SCALE),
      right: Math.min(viewport.width, box.right + MARGIN_X * SCALE), bottom: Math.min(viewport.height, box.bottom + MARGIN_Y * SCALE),
    };
    const whole = document.createElement('canvas');
    whole.width = Math.ceil(viewport.width);
    whole.height = Math.ceil(viewport.height);
    await page.render({ canvas: whole, viewport }).promise;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(region.right - region.left);
    canvas.height = Math.ceil(region.bottom - region.top);
    canvas.className = 'evidence-canvas';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `原文第 ${e.page} 页上该数值所在的区域，数值以红框标出`);
    const g = canvas.getContext('2d')!;
    g.drawImage(whole, region.left, region.top, canvas.width, canvas.height, 0, 0, canvas.width, canvas.height);
    g.strokeStyle = '#c62828';
    g.lineWidth = 3;
    g.strokeRect(box.left - region.left - 4, box.top - region.top - 4, box.right - box.left + 8, box.bottom - box.top + 8);
    figure.replaceChildren(canvas);
  } catch (err) {
    figure.replaceChildren(h('p', { class: 'callout error' }, `无法绘制原文页面：${err instanceof Error ? err.message : String(err)}`));
  }
}

/**
 * The source file's bytes: its short-lived link asked of the API as JSON (redirect=false), then the file itself.
 * Following the API's 302 instead would reach the bucket with the page's origin dropped (a cross-origin redirect
 * sends "Origin: null"), which the bucket's CORS rightly refuses.
 */
async function fetchSource(sourceUrl: string): Promise<ArrayBuffer> {
  const token = await currentToken();
  const link = await fetch(apiUrl(`${sourceUrl}${sourceUrl.includes('?') ? '&' : '?'}redirect=false`),
    { headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  if (!link.ok) throw new Error(`原文件地址获取失败（HTTP ${link.status}）`);
  const { url } = (await link.json()) as { url: string };
  const res = await fetch(url);
  if (!res.ok) throw new Error(`原文件下载失败（HTTP ${res.status}）`);
  return res.arrayBuffer();
}
