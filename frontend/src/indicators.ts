// The indicators (API schema Indicator): each a share of two figures, with its definition; a share over fewer
// than ten cases is shown but marked (one case more or less moves it ten points), and left out of rankings.
import { fmtPercent, h } from './dom';

export interface Indicator {
  code: string;
  label?: string;
  definition?: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  smallBase: boolean;
  ranked?: boolean;
  unknownBecause?: string | null;
}

export const SMALL_BASE_NOTE = '分母小于 10：仅供参考，不参与排名';

/** An indicator's name and definition (the API's indicatorDefinitions). */
export interface IndicatorDefinition {
  code: string;
  label: string;
  definition: string;
}

/** The definitions as a list the reader can keep beside a chart or a ranking. */
export function definitionList(defs: IndicatorDefinition[]): HTMLElement {
  return h('details', { class: 'definitions' }, h('summary', null, '指标定义'),
    h('dl', { class: 'facts' }, ...defs.flatMap((d) => [h('dt', null, d.label), h('dd', null, d.definition)])),
    h('p', { class: 'figure-note' }, `※ ${SMALL_BASE_NOTE}；所需单元格为空（不是 0）或分母为 0 时无法计算。`));
}

/** The share as text, with its small-base mark (a visible ※ and its words for screen readers and on hover). */
export function shareCell(i: Indicator | undefined): HTMLElement {
  if (!i || i.value === null) {
    return h('span', { class: 'muted', title: i?.unknownBecause ?? '' }, `无法计算${i?.unknownBecause ? `（${i.unknownBecause}）` : ''}`);
  }
  return h('span', { class: i.smallBase ? 'share small-base' : 'share' },
    fmtPercent(i.value),
    i.smallBase ? h('span', { class: 'small-base-mark', title: SMALL_BASE_NOTE, 'aria-label': SMALL_BASE_NOTE }, ' ※') : null);
}

function figure(v: number | null): string {
  return v === null ? '空白' : String(v);
}

/** Every indicator of a report or region: name, share, numerator ÷ denominator, definition. */
export function indicatorTable(list: Indicator[], caption = '指标'): HTMLElement {
  const anySmall = list.some((i) => i.value !== null && i.smallBase);
  return h('div', { class: 'indicators' },
    h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
      h('table', { class: 'grid indicator-table' },
        h('caption', { class: 'sr-only' }, caption),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, '指标'), h('th', { scope: 'col' }, '值'),
          h('th', { scope: 'col' }, '分子 / 分母'), h('th', { scope: 'col' }, '定义'))),
        h('tbody', null, ...list.map((i) => h('tr', { 'data-indicator': i.code },
          h('th', { scope: 'row' }, i.label ?? i.code),
          h('td', { class: 'num' }, shareCell(i)),
          h('td', { class: 'num' }, `${figure(i.numerator)} / ${figure(i.denominator)}`),
          h('td', { class: 'definition' }, i.definition ?? '')))))),
    anySmall ? h('p', { class: 'figure-note' }, `※ ${SMALL_BASE_NOTE}。`) : null);
}
