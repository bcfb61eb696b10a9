// 报告详情: one report — facts, findings (each linked to its cell), its reading notes apart (how nianbao read the
// document, never a problem of the report), tables A/B/C in the official layout with the cells findings name
// marked, the text sections folded, and the versions.
import { deletedState, deletionControl } from './deletion';
import { fillHistory } from './history';
import { fillVersions, versionBanner } from './versions';
import type { ViewContext } from '../main';
import { ApiError, apiUrl, getJson, type Finding } from '../api';
import { h, fmtTime, mount } from '../dom';
import { NOTES_EXPLAINED, RULE_LABEL, SECTION_NAMES, SEVERITY_LABELS, TEXT_SECTIONS } from '../labels';
import { installEvidence, type Evidence } from '../evidence';
import { cellsOf, expectedActual, findingsByCell, isDismissed, isNote, locationText, tipText, worst } from '../marks';
import { allCells, cellId, tableA, tableB, tableC, valueAt, type CellKey, type ReportTables } from '../tables';
import { rejectedSourceLink } from '../sourceLink';
import { correctionsList, listKeys, restoreFocus, reviewBar, reviewControls, shortcutsHelp, type Correction } from '../review';
import { indicatorTable, type Indicator } from '../indicators';
import { agencyKeyOf, errorState, loadingState, notFoundState, regionText, routeHref, ruleBadge, severityBadge, statusBadge, viewHeader } from '../ui';

export interface ReportDoc extends ReportTables {
  reportId?: string;
  id?: string;
  status?: string;
  title?: string | null;
  agency?: string | null;
  year?: number | null;
  region?: { code?: string; province?: string; city?: string; county?: string } | null;
  sections?: Record<string, string | null> | null;
  /** Sections too long to travel in the report: their whole length and where to read them (the API's, not core's). */
  sectionsTruncated?: Record<string, { chars: number; inlineChars: number; url: string }> | null;
  findings?: Finding[] | null;
  crossFindings?: Finding[] | null;
  source?: Record<string, unknown> | null;
  uploadedAt?: string | null;
  reason?: string | null;
  rejectedReason?: string | null;
  errors?: number;
  warnings?: number;
  notes?: number;
  agencyKey?: string;
  evidence?: Record<string, Evidence> | null;
  /** The API's, not core's: the report's indicators with their definitions. */
  indicators?: Indicator[] | null;
}

/**
 * GET /reports/{id} answers the report's head (id, status, agencyKey, agency, year, title, errors, warnings,
 * reason, uploadedAt, upload{name, sha256, sourceUrl…}) and its docs/FORMAT.md JSON under "report" (null when rejected).
 */
export function toDoc(raw: Record<string, unknown>): ReportDoc {
  const body = (raw.report && typeof raw.report === 'object' ? raw.report : raw.report === null ? {} : raw) as ReportDoc;
  const upload = (raw.upload ?? null) as Record<string, unknown> | null;
  const doc: ReportDoc = { ...body };
  doc.reportId = String(raw.id ?? raw.reportId ?? body.reportId ?? '');
  for (const k of ['status', 'agencyKey', 'reason', 'uploadedAt', 'indicators'] as const) {
    if (raw[k] !== undefined && raw[k] !== null) (doc as Record<string, unknown>)[k] = raw[k];
  }
  if (!doc.agency && raw.agency) doc.agency = String(raw.agency);
  if (!doc.year && raw.year) doc.year = Number(raw.year);
  if (!doc.title && raw.title) doc.title = String(raw.title);
  doc.source = { ...(body.source ?? {}), ...(upload ?? {}) };
  return doc;
}

function allFindings(r: ReportDoc): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...(r.findings ?? []), ...(r.crossFindings ?? [])]) {
    const k = JSON.stringify([f.rule, f.location, f.message]);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(f);
    }
  }
  // errors, then warnings, then reading notes: the page lists notes in a group of their own, after the problems
  const order = (f: Finding) => (f.severity === 'error' ? 0 : isNote(f) ? 2 : 1);
  return out.map((f, i) => ({ f, i })).sort((a, b) => order(a.f) - order(b.f) || a.i - b.i).map((x) => x.f);
}

function sectionAnchor(section: string): string {
  return `sec-${section}`;
}

export async function render(ctx: ViewContext): Promise<void> {
  const id = ctx.params[0];
  // #/reports/ID/versions/SHA: one version's tables and findings as read, without the review controls
  const sha = ctx.params[1] as string | undefined;
  // after a write: the view again, from the API (reads revalidate, so never the state before the write)
  const reload = () => {
    if (!ctx.signal.aborted) void render(ctx).catch((e) => ctx.main.replaceChildren(errorState(e)));
  };
  let report: ReportDoc;
  let raw: Record<string, unknown>;
  try {
    raw = await getJson<Record<string, unknown>>(`/reports/${encodeURIComponent(id)}${sha ? `/versions/${sha}` : ''}`, undefined, ctx.signal);
    report = toDoc(raw);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      document.title = '未找到报告 · 政府信息公开年报核查';
      const deleted = sha ? null : await deletedState(id, ctx.signal, reload);
      ctx.main.replaceChildren(h('h1', { id: 'view-title', tabindex: '-1' }, '报告详情'),
        deleted ?? notFoundState(sha ? `报告 ${id} 的版本 ${sha.slice(0, 12)}` : `报告 ${id}`));
      return;
    }
    throw e;
  }
  const findings = allFindings(report);
  const status = report.status ?? (findings.some((f) => f.severity === 'error') ? 'HAS_ERRORS' : 'VALID');
  const name = report.agency || report.title || (report.source?.name as string | undefined) || id;
  document.title = `${name}${report.year ? ` ${report.year}年` : ''} · 报告详情`;

  // a finding a reviewer dismissed stays listed but leaves the counts and the marks, as it leaves the report's
  const counted = findings.filter((f) => !isDismissed(f));
  const errors = counted.filter((f) => f.severity === 'error').length;
  const notes = counted.filter(isNote).length;
  const warnings = counted.length - errors - notes;
  const agencyKey = report.agencyKey ?? agencyKeyOf(report.reportId ?? report.id ?? id);
  const rejected = status === 'REJECTED';
  const tablesPresent = !!(report.applications || report.proactive || report.reviewAndLitigation);

  const tipsBox = h('div', { hidden: true, id: 'finding-descriptions' });
  const byCell = tablesPresent ? findingsByCell(report, counted) : new Map();
  const allIds = tablesPresent ? allCells(report).map(cellId) : [];

  const fill = (td: HTMLTableCellElement, key: CellKey) => {
    const v = valueAt(report, key);
    if (v === null) {
      td.classList.add('blank');
      td.setAttribute('aria-label', '空白');
    } else if (v === undefined) {
      td.classList.add('missing');
      td.textContent = '—';
      td.setAttribute('aria-label', '缺失');
    } else {
      td.textContent = String(v);
    }
    const marks = byCell.get(cellId(key));
    if (marks && marks.length) {
      const descId = `d-${cellId(key).replace(/[^A-Za-z0-9]+/g, '-')}-${marks[0].i}`;
      const text = marks.map((m: { f: Finding }) => tipText(m.f)).join('\n\n');
      td.classList.add('mark', `mark-${worst(marks)}`);
      td.tabIndex = 0;
      td.dataset.tip = text;
      td.dataset.rules = [...new Set(marks.map((m: { f: Finding }) => m.f.rule))].join(' ');
      td.setAttribute('aria-describedby', descId);
      tipsBox.append(h('span', { id: descId }, text));
    }
  };

  // --- the findings list
  const findingTarget = (f: Finding): string => {
    const cells = cellsOf(f, allIds);
    if (cells.length) return `cell:${cells[0]}`;
    return `section:${f.location?.section ?? ''}`;
  };
  const findingsList = h('ol', { class: 'findings' });
  const notesList = h('ol', { class: 'findings notes' });
  findings.forEach((f, i) => {
    const link = h('a', { href: routeHref(`/reports/${id}`, { f: i }), class: 'loc', 'data-finding': i },
      locationText(f) || '定位');
    link.addEventListener('click', (e) => {
      e.preventDefault();
      history.replaceState(null, '', link.getAttribute('href'));
      goTo(findingTarget(f));
    });
    const ea = expectedActual(f);
    const dismissed = isDismissed(f);
    const item = h('li', { class: `finding sev-${f.severity}${dismissed ? ' dismissed' : ''}` },
      h('div', { class: 'finding-head' }, ruleBadge(f.rule, f.severity), severityBadge(f.severity),
        dismissed ? h('span', { class: 'badge review-dismissed' }, '已驳回，不计入') : null,
        h('span', { class: 'rule-label' }, RULE_LABEL[f.rule] ?? ''), link),
      h('p', { class: 'msg' }, f.message),
      ea ? h('p', { class: 'ea' }, ea) : null,
      dismissed && f.review?.reason ? h('p', { class: 'muted small' }, `驳回理由：${f.review.reason}`) : null,
      f.review?.returned ? h('p', { class: 'muted small' }, f.review.returned) : null);
    if (!rejected && !sha) reviewControls(id, f, item, report, reload);
    (isNote(f) ? notesList : findingsList).append(item);
  });
  listKeys(findingsList);
  const confirmed = findings.filter((f) => f.review?.state === 'confirmed').length;

  // --- page
  const region = report.region ? regionText(report.region.province, report.region.city, report.region.county) : '';
  const source = report.source ?? {};
  const sourceName = (source.name as string | undefined) ?? (source.key as string | undefined) ?? '';
  const facts = h('dl', { class: 'facts' },
    rejected ? null : fact('机关', report.agency || '（未识别）'),
    rejected ? null : fact('年度', report.year ? `${report.year} 年` : '（未识别）'),
    rejected ? null : fact('地区', region || '（未识别）'),
    fact('状态', statusBadge(status)),
    fact('标题', report.title || ''),
    fact('格式', report.template ? `${report.template} 年版模板` : ''),
    fact('来源文件', rejected ? rejectedSourceLink(id, sourceName || '下载原文件')
      : h('a', { href: apiUrl(typeof source.sourceUrl === 'string' ? source.sourceUrl : `/reports/${encodeURIComponent(id)}/source`),
        target: '_blank', rel: 'noopener noreferrer', class: 'source-link' }, sourceName || '下载原文件')),
    fact('上传时间', fmtTime(report.uploadedAt ?? (source.uploadedAt as string | undefined))),
    fact('SHA-256', h('code', { class: 'sha' }, String(source.sha256 ?? '').slice(0, 16))),
  );

  const summaryLine = rejected
    ? h('p', { class: 'callout error', role: 'note' }, `未能识别为年度报告：${report.reason ?? report.rejectedReason ?? '原因未知'}`)
    : h('p', { class: `callout ${errors ? 'error' : warnings ? 'warning' : 'ok'}` },
      errors ? `发现 ${errors} 个错误、${warnings} 个警告。` : warnings ? `没有错误，有 ${warnings} 个警告。` : '未发现问题。');
  // reading notes: their own muted group, folded, never among the problems
  const notesBox = notes ? h('section', { class: 'notes-box', id: 'reading-notes', 'aria-labelledby': 'notes-title' },
    h('details', { class: 'notes-group' },
      h('summary', null, h('h2', { id: 'notes-title', class: 'h-inline' }, SEVERITY_LABELS.note),
        h('span', { class: 'muted' }, ` ${notes} 条 · 不是报告的问题`)),
      h('p', { class: 'muted small' }, NOTES_EXPLAINED),
      notesList)) : null;

  const textSection = (key: string) => {
    const t = TEXT_SECTIONS.find((x) => x.key === key)!;
    const text = report.sections?.[key];
    const cut = report.sectionsTruncated?.[key];
    const hits = findings.filter((f) => f.location?.section === t.section);
    return h('section', { id: sectionAnchor(t.section), class: 'report-section' },
      h('details', { class: 'text-section' },
        h('summary', null, h('h2', { class: 'h-inline' }, t.label), ...sectionCounts(hits),
          text ? h('span', { class: 'muted' }, ` ${cut ? cut.chars : text.length} 字`) : h('span', { class: 'muted' }, ' 无内容')),
        text ? h('div', { class: 'prose' }, ...text.split('\n').map((p) => h('p', null, p))) : h('p', { class: 'muted' }, '（原文无此部分或未能识别）'),
        cut ? h('p', { class: 'callout', role: 'note' }, `这一部分共 ${cut.chars} 字，上面只列出前 ${cut.inlineChars} 字。`,
          h('a', { href: apiUrl(cut.url), target: '_blank', rel: 'noopener noreferrer' }, '查看全文')) : null));
  };
  const tableSection = (section: '二' | '三' | '四', tableEl: HTMLTableElement) => {
    const hits = findings.filter((f) => f.location?.section === section);
    // T1: the reader could not read this table reliably — said above the table, as a warning, never as a note
    const unsure = hits.filter((f) => f.rule === 'T1');
    const wholeSection = hits.filter((f) => cellsOf(f, allIds).length === 0 && f.rule !== 'T1');
    return h('section', { id: sectionAnchor(section), class: 'report-section', tabindex: '-1' },
      h('h2', null, SECTION_NAMES[section], ...sectionCounts(hits)),
      ...unsure.map((f) => h('p', { class: 'callout warning table-unsure', role: 'note' }, ruleBadge(f.rule, f.severity), ' ', f.message)),
      wholeSection.length ? h('ul', { class: 'section-notes' }, ...wholeSection.map((f) => h('li', { class: `sev-${f.severity}` }, ruleBadge(f.rule, f.severity), isNote(f) ? severityBadge(f.severity) : null, ' ', f.message))) : null,
      h('div', { class: 'table-wrap', role: 'region', 'aria-label': SECTION_NAMES[section], tabindex: '0' }, tableEl));
  };

  const versionsBox = h('div', { class: 'versions' }, loadingState('正在加载版本…'));
  const historyBox = h('div', { class: 'history-box' }, loadingState('正在加载修改记录…'));

  const heading = rejected ? `未能识别的上传${sourceName ? `：${sourceName}` : ''}`
    : `${report.agency || '（未识别机关）'}${report.year ? ` ${report.year} 年度报告` : ''}`;
  const titleRow = viewHeader(heading,
    statusBadge(status), region ? h('span', { class: 'muted' }, region) : null,
    agencyKey && !rejected ? h('a', { href: `#/agencies/${encodeURIComponent(agencyKey)}`, class: 'btn btn-small' }, '跨年对比') : null);
  titleRow.id = 'sec-标题';

  mount(ctx.main,
    h('nav', { class: 'crumbs', 'aria-label': '位置' }, h('a', { href: '#/reports' }, '报告列表'), ' › ', report.agency || sourceName || id),
    titleRow,
    sha ? versionBanner(id, (raw.version ?? {}) as { sha256?: string; current?: boolean; removedAt?: string | null },
      report.uploadedAt ?? (source.uploadedAt as string | undefined)) : null,
    h('div', { class: 'detail-top' },
      facts,
      h('section', { class: 'findings-box', id: 'findings', 'aria-labelledby': 'findings-title' },
        h('h2', { id: 'findings-title' }, rejected ? '识别结果' : '核查发现',
          rejected ? null : h('span', { class: 'muted' }, ` 错误 ${errors} · 警告 ${warnings}`)),
        summaryLine,
        rejected || sha ? null : reviewBar(id, raw.reviewState as string | null | undefined, confirmed, reload),
        errors + warnings || findingsList.childElementCount ? findingsList : null,
        rejected || sha || !findingsList.childElementCount ? null : shortcutsHelp(),
        rejected || sha ? null : correctionsList(id, (raw.corrections ?? []) as Correction[], reload),
        notesBox)),
    tablesPresent ? [
      legend(),
      textSection('overview'),
      tableSection('二', tableA(report, fill)),
      tableSection('三', tableB(report, fill)),
      tableSection('四', tableC(report, fill)),
      report.indicators?.length ? h('section', { class: 'report-section', id: 'indicators', 'aria-labelledby': 'indicators-title' },
        h('h2', { id: 'indicators-title' }, '指标'), indicatorTable(report.indicators, '本报告的指标')) : null,
      textSection('problems'),
      textSection('other'),
    ] : null,
    h('section', { class: 'report-section', id: 'versions', 'aria-labelledby': 'versions-title' },
      h('h2', { id: 'versions-title' }, '版本'), versionsBox),
    sha ? null : h('section', { class: 'report-section', id: 'history', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, '修改记录'), historyBox, rejected ? null : deletionControl(id, reload)),
    tipsBox,
  );

  restoreFocus(ctx.main);

  // where each value came from: a click or Enter on a filled cell (evidence.ts)
  installEvidence(ctx.main, report.evidence, typeof source.sourceUrl === 'string' ? source.sourceUrl
    : `/reports/${encodeURIComponent(id)}/source`, source.format as string | undefined);

  function goTo(target: string): void {
    let el: HTMLElement | null = null;
    if (target.startsWith('cell:')) {
      el = ctx.main.querySelector<HTMLElement>(`td[data-cell="${CSS.escape(target.slice(5))}"]`);
    } else {
      const section = target.slice(8);
      el = section === '标题' ? document.getElementById('view-title') : document.getElementById(sectionAnchor(section));
      const details = el?.querySelector('details');
      if (details) {
        details.open = true;
        el = details.querySelector('summary');
      }
    }
    if (!el) return;
    ctx.main.querySelectorAll('.flash').forEach((x) => x.classList.remove('flash'));
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
    el.focus({ preventScroll: true });
    el.classList.add('flash');
  }

  const f = ctx.query.get('f');
  if (f !== null && findings[Number(f)]) {
    if (isNote(findings[Number(f)]) && notesBox) notesBox.querySelector('details')!.open = true;
    goTo(findingTarget(findings[Number(f)]));
  }

  // versions and history, after the page is drawn
  await Promise.all([fillVersions(versionsBox, id, ctx.signal, reload), sha ? null : fillHistory(historyBox, id, ctx.signal)]);
}

/** A section's counts: its problems (coloured by the weightiest), and its reading notes apart, muted. */
function sectionCounts(all: Finding[]): HTMLElement[] {
  const hits = all.filter((f) => !isDismissed(f));
  const problems = hits.filter((f) => !isNote(f));
  const notes = hits.length - problems.length;
  const out: HTMLElement[] = [];
  if (problems.length) out.push(h('span', { class: `count sev-${worst(problems.map((f) => ({ f })))}` }, `${problems.length} 条发现`));
  if (notes) out.push(h('span', { class: 'count sev-note' }, `${notes} 条读取说明`));
  return out;
}

/** What the marks on the tables' cells mean. */
function legend(): HTMLElement {
  const swatch = (cls: string, text: string) => h('span', { class: 'legend-item' }, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), text);
  return h('p', { class: 'legend', id: 'legend' }, h('span', { class: 'muted' }, '图例：'),
    swatch('mark-error', '错误所涉单元格'), swatch('mark-warning', '警告所涉单元格'), swatch('mark-note', '读取说明所涉单元格'),
    swatch('blank', '空白（原文未填）'), h('span', { class: 'muted small' }, '已驳回的发现不再标记；单击或按 Enter 查看数值出处。'));
}

function fact(label: string, value: string | Node): HTMLElement[] | null {
  if (value === '' || (value instanceof Element && !value.textContent)) return null; // nothing to say: no row
  return [h('dt', null, label), h('dd', null, value)] as HTMLElement[];
}
