// Bảng theo dõi: the commune's charts (publications per month / channel / kind, tasks by status), its tasks and
// pipeline; for a province, the sortable table of its communes with a drill-down. Live: refreshed on each change
// from the SSE stream. ECharts comes from its WebJar, loaded only on this page.

import { get, paths } from '../api.js';
import {
  h, mount, keepFocus, pageTitle, num, date, dateTime, label, emptyRow, periodName, periodLines, TASK_STATUS, CHANNELS,
} from '../ui.js';
import { remember, nameOf } from '../places.js';
import { debounce } from '../live.js';
import { progressBar } from './tasks.js';

const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
let echartsModule = null;

async function echarts() {
  if (!echartsModule) echartsModule = await import(ECHARTS);
  return echartsModule;
}

const STATUS_COLOURS = {
  DONE: '#2e7d32', ON_TRACK: '#1565c0', AT_RISK: '#ef6c00', BEHIND: '#c62828', OVERDUE: '#8e0000', WITHDRAWN: '#757575',
  UNKNOWN: '#9e9e9e',
};

export async function page(main, ctx) {
  const { who } = ctx;
  if (who.isProvince || (who.isSysadmin && !who.isCommune)) return provincePage(main, ctx);
  return communeView(main, ctx, null);
}

export async function communePage(main, ctx) {
  return communeView(main, ctx, ctx.params[0]);
}

async function communeView(main, ctx, code) {
  const charts = [];
  const area = h('div', { id: 'dashboard', dataset: { testid: 'dashboard' } });
  const load = async () => {
    const d = await get(code ? paths.dashboardCommune(code) : paths.dashboard());
    if (!ctx.current()) return;
    if (d.commune) remember(d.commune.code, d.commune.name, d.commune.provinceCode);
    if (d.commune?.provinceCode) remember(d.commune.provinceCode, d.commune.provinceName);
    await keepFocus(area, () => renderCommune(area, d, charts, Boolean(code)));
  };
  mount(main, area);
  await load();
  const refresh = debounce(() => load().catch(() => {}), 500);
  const unsubscribe = ctx.live.subscribe((change) => {
    if (change.type === 'reset' || !code || !change.data?.tenant || change.data.tenant === code) refresh();
  });
  const onResize = debounce(() => charts.forEach((c) => c.resize()), 200);
  window.addEventListener('resize', onResize);
  return () => {
    unsubscribe();
    window.removeEventListener('resize', onResize);
    charts.forEach((c) => c.dispose());
  };
}

async function renderCommune(area, d, charts, drilled) {
  charts.forEach((c) => c.dispose());
  charts.length = 0;
  const name = d.commune?.name || nameOf(d.commune?.code);
  const s = d.taskSummary || {};
  const pubs = d.publications || {};
  const chartBox = (id, title) => h('figure', { class: 'chart card' }, h('figcaption', {}, title),
    h('div', { class: 'chart-canvas', id, dataset: { testid: id }, role: 'img', 'aria-label': title }));
  mount(area,
    pageTitle(drilled ? `Bảng theo dõi — ${name}` : 'Bảng theo dõi',
      drilled ? h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/bang-theo-doi', id: 'dashboard-back' }, 'Về bảng tổng hợp của tỉnh')) : null),
    h('p', { class: 'lead' }, name, d.commune?.provinceName ? `, ${d.commune.provinceName}` : '',
      h('span', { class: 'updated' }, ` · Cập nhật lúc ${dateTime(new Date().toISOString())}`)),
    h('ul', { class: 'stats', dataset: { testid: 'dashboard-stats' } },
      stat('Nhiệm vụ', s.total, 'stat-tasks'),
      stat('Đã hoàn thành', s.done, 'stat-done', 'met'),
      stat('Có nguy cơ', s.atRisk, 'stat-at-risk', 'risk'),
      stat('Không đạt / quá hạn', (s.behind || 0) + (s.overdue || 0), 'stat-missed', 'missed'),
      stat('Tin, bài đã đăng', pubs.total, 'stat-publications'),
      stat('Hoạt động', d.activities?.total, 'stat-activities')),
    h('div', { class: 'charts' },
      chartBox('chart-month', 'Tin, bài đã đăng theo tháng'),
      chartBox('chart-channel', 'Theo kênh'),
      chartBox('chart-kind', 'Theo loại sản phẩm'),
      chartBox('chart-status', 'Nhiệm vụ theo tình trạng')),
    h('section', { class: 'card', 'aria-labelledby': 'dash-tasks-title' },
      h('h2', { id: 'dash-tasks-title' }, 'Nhiệm vụ trong kỳ hiện tại'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data', dataset: { testid: 'dashboard-tasks' } },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Nhiệm vụ'), h('th', { scope: 'col' }, 'Kỳ'),
          h('th', { scope: 'col' }, 'Tiến độ'), h('th', { scope: 'col' }, 'Tình trạng'), h('th', { scope: 'col', class: 'num' }, 'Còn (ngày)'))),
        h('tbody', {}, (d.tasks || []).length === 0 ? emptyRow(5, 'Chưa có nhiệm vụ.') : d.tasks.map((t) => h('tr', { dataset: { testid: 'dashboard-task', taskId: t.taskId } },
          h('td', {}, h('a', { href: `#/nhiem-vu/${encodeURIComponent(t.taskId)}` }, t.title || t.taskId),
            t.leadUnit ? h('div', { class: 'meta' }, t.leadUnit) : null),
          h('td', {}, t.current ? periodName(t.current.period) : '—', periodLines(t.missedPeriods, t.notApplicablePeriods)),
          h('td', {}, t.current ? progressBar({ ...t.current, target: t.current.target, credited: t.current.credited }, 'dashboard-progress', t.taskId)
            : `Đã tính ${num(t.totalCredited)}`),
          h('td', {}, h('span', { class: `badge badge-task-${String(t.status).toLowerCase()}` }, t.statusLabel || label(TASK_STATUS, t.status))),
          h('td', { class: 'num' }, t.current && t.current.status !== 'NOT_APPLICABLE' ? num(t.current.daysLeft) : '—'))))))),
    engagementSection(d.engagement, true),
    pipeline(d.pipeline),
    recentActivities(d.activities));

  try {
    const ec = await echarts();
    const make = (id, option) => {
      const el = area.querySelector(`#${id}`);
      if (!el) return;
      const chart = ec.init(el, null, { renderer: 'svg' });
      chart.setOption({ textStyle: { fontFamily: 'inherit' }, ...option });
      charts.push(chart);
    };
    const months = pubs.byMonth || [];
    make('chart-month', bar(months.map((c) => c.label || c.key), months.map((c) => c.count), '#b3261e'));
    const byChannel = pubs.byChannel || [];
    make('chart-channel', bar(byChannel.map((c) => c.label || label(CHANNELS, c.key)), byChannel.map((c) => c.count), '#1565c0', true));
    const byKind = pubs.byKind || [];
    make('chart-kind', bar(byKind.map((c) => c.label || c.key), byKind.map((c) => c.count), '#6a1b9a', true));
    make('chart-engagement', engagementChart(d.engagement));
    const statuses = [['DONE', s.done], ['ON_TRACK', s.onTrack], ['AT_RISK', s.atRisk], ['BEHIND', s.behind],
      ['OVERDUE', s.overdue], ['WITHDRAWN', s.withdrawn], ['UNKNOWN', s.unknown]].filter(([, n]) => n > 0);
    make('chart-status', {
      tooltip: { trigger: 'item', valueFormatter: (v) => num(v) },
      legend: { bottom: 0, type: 'scroll' },
      series: [{
        type: 'pie', radius: ['35%', '65%'], avoidLabelOverlap: true, label: { formatter: '{c}' },
        data: statuses.map(([k, n]) => ({ name: label(TASK_STATUS, k), value: n, itemStyle: { color: STATUS_COLOURS[k] } })),
      }],
    });
  } catch (e) {
    console.error(e);
    for (const el of area.querySelectorAll('.chart-canvas')) {
      mount(el, h('p', { class: 'hint' }, 'Không tải được thư viện biểu đồ; số liệu vẫn có trong các bảng.'));
    }
  }
}

function bar(names, values, colour, horizontal) {
  const category = { type: 'category', data: names, axisLabel: { interval: 0, width: 110, overflow: 'truncate' } };
  const value = { type: 'value', minInterval: 1, axisLabel: { formatter: (v) => num(v) } };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => num(v) },
    grid: { left: horizontal ? 120 : 40, right: 16, top: 16, bottom: 40 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, itemStyle: { color: colour }, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  };
}

// ---- engagement («Hiệu quả tuyên truyền», the last 30 days) ----

const FIGURE_COLOURS = { views: '#1565c0', plays: '#2e7d32', downloads: '#6a1b9a', reach: '#b3261e', reactions: '#ef6c00', shares: '#00838f', feedFetches: '#757575' };

function figure(figures, key) {
  return (figures || []).find((f) => f.key === key)?.count || 0;
}

/** Totals, the chart's box, per channel and the most-read items (links to the item). */
function engagementSection(e, withItems) {
  if (!e) return null;
  const totals = e.totals || [];
  return h('section', { class: 'card', 'aria-labelledby': 'engagement-title', id: 'dashboard-engagement', dataset: { testid: 'dashboard-engagement' } },
    h('h2', { id: 'engagement-title' }, `Hiệu quả tuyên truyền (${date(e.from)} – ${date(e.to)})`),
    h('ul', { class: 'stats' },
      stat('Lượt tiếp cận', e.reached, 'stat-reached'),
      stat('Lượt xem trang', figure(totals, 'views'), 'stat-views'),
      stat('Lượt nghe, tải', figure(totals, 'plays') + figure(totals, 'downloads'), 'stat-plays'),
      stat('Tương tác, chia sẻ', figure(totals, 'reactions') + figure(totals, 'shares'), 'stat-reactions')),
    h('figure', { class: 'chart card' }, h('figcaption', {}, 'Lượt tiếp cận theo ngày'),
      h('div', { class: 'chart-canvas', id: 'chart-engagement', dataset: { testid: 'chart-engagement' }, role: 'img',
        'aria-label': `Lượt tiếp cận theo ngày, tổng ${num(e.reached)}` })),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', dataset: { testid: 'engagement-channels' } },
      h('caption', {}, 'Theo kênh'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kênh'), ['Lượt xem', 'Lượt nghe', 'Lượt tải', 'Tiếp cận', 'Tương tác', 'Chia sẻ', 'Tổng tiếp cận']
        .map((t) => h('th', { scope: 'col', class: 'num' }, t)))),
      h('tbody', {}, (e.byChannel || []).length === 0 ? emptyRow(8, 'Chưa có lượt xem, lượt nghe hay số liệu nào.') : e.byChannel.map((c) => h('tr', {
        dataset: { testid: 'engagement-channel', channel: c.channel },
      },
        h('th', { scope: 'row' }, c.label || label(CHANNELS, c.channel)),
        ['views', 'plays', 'downloads', 'reach', 'reactions', 'shares'].map((k) => h('td', { class: 'num' }, num(figure(c.figures, k)))),
        h('td', { class: 'num', dataset: { testid: 'engagement-channel-reached' } }, num(c.reached))))))),
    withItems && (e.topItems || []).length ? [h('h3', {}, 'Tin, bài được quan tâm nhiều nhất'),
      h('ol', { dataset: { testid: 'engagement-top-items' } }, e.topItems.map((i) => h('li', { dataset: { testid: 'engagement-top-item', itemId: i.itemId } },
        h('a', { href: `#/tin-bai/${encodeURIComponent(i.itemId)}` }, i.title || i.itemId), ` — ${num(i.reached)} lượt tiếp cận`)))] : null,
    withItems && (e.byTask || []).length ? [h('h3', {}, 'Theo nhiệm vụ'),
      h('ul', {}, e.byTask.map((t) => h('li', {}, h('a', { href: `#/nhiem-vu/${encodeURIComponent(t.taskId)}` }, t.title || t.taskId),
        ` — ${num(t.reached)} lượt tiếp cận`)))] : null);
}

/** One line per figure that moved in the span, per commune day. */
function engagementChart(e) {
  const days = e?.byDay || [];
  const keys = ['views', 'plays', 'downloads', 'reach', 'reactions', 'shares'];
  const names = Object.fromEntries((e?.totals || []).map((f) => [f.key, f.label]));
  const moved = keys.filter((k) => days.some((d) => figure(d.figures, k) > 0));
  const shown = moved.length ? moved : ['views'];
  return {
    animation: false, // drawn whole at once: a live refresh does not replay the lines
    tooltip: { trigger: 'axis', valueFormatter: (v) => num(v) },
    legend: { bottom: 0, type: 'scroll', itemGap: 32 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: days.map((d) => date(d.day).slice(0, 5)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v) => num(v) } },
    series: shown.map((k) => ({ type: 'line', name: names[k] || k, data: days.map((d) => figure(d.figures, k)),
      itemStyle: { color: FIGURE_COLOURS[k] }, lineStyle: { color: FIGURE_COLOURS[k] }, showSymbol: days.length <= 31 })),
  };
}

function stat(text, value, testid, tone) {
  return h('li', { class: `stat ${tone ? `tone-${tone}` : ''}`, dataset: { testid } },
    h('span', { class: 'stat-value' }, num(value || 0)), h('span', { class: 'stat-label' }, text));
}

function pipeline(p) {
  if (!p) return null;
  const waiting = p.approvedNotPublished || [];
  const failed = p.failed || [];
  return h('section', { class: 'card', 'aria-labelledby': 'pipeline-title', dataset: { testid: 'dashboard-pipeline' } },
    h('h2', { id: 'pipeline-title' }, 'Tin, bài cần xử lý'),
    h('h3', {}, `Đã duyệt, chưa đăng (${num(waiting.length)})`),
    waiting.length === 0 ? h('p', {}, 'Không có.') : h('ul', {}, waiting.map((w) => h('li', {},
      h('a', { href: `#/tin-bai/${encodeURIComponent(w.itemId)}` }, w.title || w.itemId), w.approvedAt ? ` — duyệt ${dateTime(w.approvedAt)}` : ''))),
    h('h3', {}, `Đăng thất bại (${num(failed.length)})`),
    failed.length === 0 ? h('p', {}, 'Không có.') : h('ul', {}, failed.map((f) => h('li', {},
      h('a', { href: `#/tin-bai/${encodeURIComponent(f.itemId)}` }, f.title || f.itemId),
      ` — ${f.channelLabel || label(CHANNELS, f.channel)}: ${f.reason || 'không rõ lý do'}`))));
}

function recentActivities(a) {
  if (!a || !(a.recent || []).length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'recent-act-title' },
    h('h2', { id: 'recent-act-title' }, 'Hoạt động gần đây'),
    h('ul', {}, a.recent.map((r) => h('li', {}, `${date(r.heldOn)} — ${r.kindLabel || r.kind}: ${r.title}`))));
}

// ---- province ----

const COLUMNS = [
  ['name', 'Xã, phường', false],
  ['tasks', 'Nhiệm vụ', true],
  ['met', 'Đạt', true],
  ['atRisk', 'Có nguy cơ', true],
  ['missed', 'Không đạt', true],
  ['publications', 'Tin, bài tháng này', true],
  ['reached', 'Lượt tiếp cận 30 ngày', true],
  ['submission', 'Báo cáo kỳ', false],
];

async function provincePage(main, ctx) {
  let sort = ctx.query.get('sort') || 'missed';
  let dir = ctx.query.get('dir') || 'desc';
  const area = h('div', { id: 'province-dashboard', dataset: { testid: 'province-dashboard' } });
  const load = async () => {
    const d = await get(paths.dashboardProvince(sort, dir));
    if (!ctx.current()) return;
    remember(d.provinceCode, d.provinceName);
    for (const r of d.communes || []) remember(r.code, r.name, d.provinceCode);
    keepFocus(area, () => renderProvince(area, d, sort, dir, (key) => {
      if (sort === key) dir = dir === 'asc' ? 'desc' : 'asc';
      else {
        sort = key;
        dir = key === 'name' ? 'asc' : 'desc';
      }
      history.replaceState(null, '', `#/bang-theo-doi?sort=${sort}&dir=${dir}`);
      load().then(() => area.querySelector(`[data-sort="${sort}"]`)?.focus()).catch(() => {});
    }));
  };
  mount(main, area);
  await load();
  const refresh = debounce(() => load().catch(() => {}), 800);
  return ctx.live.subscribe(refresh);
}

function renderProvince(area, d, sort, dir, onSort) {
  const t = d.totals || {};
  const rows = d.communes || [];
  mount(area,
    pageTitle(`Bảng tổng hợp — ${d.provinceName || nameOf(d.provinceCode)}`),
    h('p', { class: 'lead' }, `Tháng ${d.month ? d.month.split('-').reverse().join('/') : ''}`,
      d.reportPeriodWords ? ` · Kỳ báo cáo: ${d.reportPeriodWords}` : '',
      h('span', { class: 'updated' }, ` · Cập nhật lúc ${dateTime(new Date().toISOString())}`)),
    h('ul', { class: 'stats' },
      stat('Xã, phường', t.communes, 'stat-communes'),
      stat('Nhiệm vụ đạt', t.met, 'stat-met', 'met'),
      stat('Có nguy cơ', t.atRisk, 'stat-at-risk', 'risk'),
      stat('Không đạt', t.missed, 'stat-missed', 'missed'),
      stat('Tin, bài tháng này', t.publicationsThisMonth, 'stat-publications'),
      stat('Đã gửi báo cáo', (t.submitted || 0) + (t.accepted || 0), 'stat-submitted'),
      stat('Lượt tiếp cận 30 ngày', d.engagement?.reached, 'stat-reached')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data sortable', id: 'province-table', dataset: { testid: 'province-table' } },
      h('caption', {}, 'Các xã, phường trực thuộc — bấm tiêu đề cột để sắp xếp'),
      h('thead', {}, h('tr', {}, COLUMNS.map(([key, text, numeric]) => {
        const active = sort === key;
        const b = h('button', { type: 'button', class: 'sort', dataset: { sort: key, testid: `sort-${key}` } }, text,
          h('span', { 'aria-hidden': 'true' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''));
        b.addEventListener('click', () => onSort(key));
        return h('th', { scope: 'col', class: numeric ? 'num' : '', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none' }, b);
      }))),
      h('tbody', {}, rows.length === 0 ? emptyRow(COLUMNS.length, 'Chưa có dữ liệu.') : rows.map((r) => h('tr', {
        class: r.missed > 0 ? 'row-missed' : (r.atRisk > 0 ? 'row-risk' : ''), dataset: { testid: 'province-row', code: r.code },
      },
        h('th', { scope: 'row' }, h('a', { href: `#/bang-theo-doi/${encodeURIComponent(r.code)}`, dataset: { testid: 'province-drill' } }, r.name || nameOf(r.code))),
        h('td', { class: 'num' }, num(r.tasks)),
        h('td', { class: 'num' }, num(r.met)),
        h('td', { class: 'num' }, num(r.atRisk)),
        h('td', { class: 'num' }, num(r.missed)),
        h('td', { class: 'num', title: (r.byChannel || []).map((c) => `${c.label || c.key}: ${num(c.count)}`).join(', ') }, num(r.publicationsThisMonth)),
        h('td', { class: 'num', dataset: { testid: 'province-reached' } }, num(r.reached)),
        h('td', {}, r.submissionLabel || r.submission || '—')))))),
    engagementSection(d.engagement, false));
  provinceChart?.dispose();
  provinceChart = null;
  echarts().then((ec) => {
    const el = area.querySelector('#chart-engagement');
    if (!el) return;
    provinceChart = ec.init(el, null, { renderer: 'svg' });
    provinceChart.setOption({ textStyle: { fontFamily: 'inherit' }, ...engagementChart(d.engagement) });
  }).catch((e) => console.error(e));
}

let provinceChart = null;
