// Apache ECharts, tree-shaken: bar charts on a canvas, with tooltips drawn as rich text on the canvas (no
// HTML from data ever reaches the DOM) and ECharts' aria description on the container.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export interface BarItem {
  name: string;
  value: number;
  color?: string;
  label?: string;
  /** Where a click on the bar leads (a route of the page, e.g. the list filtered by it). */
  href?: string;
}

const charts = new Set<echarts.ECharts>();
let resizeHooked = false;

export function barChart(el: HTMLElement, items: BarItem[], opts: { horizontal?: boolean; unit?: string; description: string }): echarts.ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'canvas', locale: 'ZH' });
  const names = items.map((i) => i.name);
  const horizontal = opts.horizontal ?? true;
  const categoryAxis = {
    type: 'category' as const,
    data: horizontal ? [...names].reverse() : names,
    axisTick: { show: false },
    axisLabel: { color: '#333', fontSize: 12, interval: 0, hideOverlap: !horizontal },
  };
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#555' }, splitLine: { lineStyle: { color: '#e6e6e6' } } };
  const data = items.map((i) => ({ value: i.value, name: i.name, itemStyle: { color: i.color ?? '#2f6690' }, label: i.label }));
  chart.setOption({
    aria: { enabled: true, label: { description: opts.description } },
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      renderMode: 'richText',
      formatter: (p: { name: string; value: number; data: { label?: string } }) =>
        `${p.name}：${p.data.label ?? `${p.value}${opts.unit ?? ''}`}`,
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [{
      type: 'bar',
      data: horizontal ? [...data].reverse() : data,
      barMaxWidth: 22,
      label: {
        show: true,
        position: horizontal ? 'right' : 'top',
        color: '#333',
        formatter: (p: { data: { label?: string; value: number } }) => p.data.label ?? String(p.data.value),
      },
    }],
  });
  if (items.some((i) => i.href)) {
    chart.on('click', (p) => {
      const item = items.find((i) => i.name === p.name);
      if (item?.href) location.hash = item.href;
    });
    chart.getZr().setCursorStyle('pointer');
  }
  charts.add(chart);
  if (!resizeHooked) {
    resizeHooked = true;
    window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  }
  return chart;
}

export interface LineSeries {
  name: string;
  /** One value per category (null: no value that year — a gap, never a 0). */
  values: (number | null)[];
}

/** Lines over years (or any categories); {@code percent}: values are shares, drawn as percentages. */
export function lineChart(el: HTMLElement, categories: string[], series: LineSeries[], opts: { percent?: boolean; description: string }): echarts.ECharts {
  const chart = echarts.init(el, undefined, { renderer: 'canvas', locale: 'ZH' });
  const fmt = (v: number | null) => (v === null || v === undefined ? '—' : opts.percent ? `${(v * 100).toFixed(1)}%` : String(v));
  chart.setOption({
    aria: { enabled: true, label: { description: opts.description } },
    animation: false,
    legend: { type: 'scroll', top: 0, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (v: number | null) => fmt(v) },
    xAxis: { type: 'category', data: categories, axisLabel: { color: '#333' } },
    yAxis: {
      type: 'value',
      minInterval: opts.percent ? undefined : 1,
      axisLabel: { color: '#555', formatter: (v: number) => (opts.percent ? `${Math.round(v * 100)}%` : String(v)) },
      splitLine: { lineStyle: { color: '#e6e6e6' } },
    },
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: false, symbolSize: 6 })),
  });
  charts.add(chart);
  if (!resizeHooked) {
    resizeHooked = true;
    window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
  }
  return chart;
}

/** Frees the charts of the view being left. */
export function disposeCharts(): void {
  charts.forEach((c) => c.dispose());
  charts.clear();
}
