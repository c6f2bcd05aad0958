// Nhiệm vụ: the board of a plan's tasks with the current period's progress (credited / target), status colours,
// and, per task, every period and the credits behind each number. Refreshes live on dashboard changes.

import { get, del, paths } from '../api.js';
import {
  h, mount, keepFocus, refocus, pageTitle, select, field, onSubmit, notice, num, date, dateTime, label, kindLabel, quotaText,
  periodName, periodLines, emptyRow, statusBadge, bucketStatusText, TASK_STATUS, CHANNELS, CREDIT_BASIS,
} from '../ui.js';
import { nameOf } from '../places.js';
import { debounce } from '../live.js';
import { creditTitles, creditHref, isActivityCredit } from '../titles.js';

const NOT_APPLICABLE = 'NOT_APPLICABLE';

/**
 * The period running now, else the next, else the last — among the periods that apply, if any does (as the
 * dashboard: a period that had ended before the plan was issued is never the current one while another applies).
 */
export function currentPeriod(periods, now = Date.now()) {
  const all = periods || [];
  const applicable = all.filter((p) => p.status !== NOT_APPLICABLE);
  const list = applicable.length ? applicable : all;
  return list.find((p) => Date.parse(p.start) <= now && now < Date.parse(p.end))
    || list.find((p) => Date.parse(p.start) > now)
    || list[list.length - 1] || null;
}

/** The colour class of a period: met, at risk, missed, open, upcoming, not-applicable (neutral grey). */
export function tone(p) {
  if (!p) return 'none';
  if (p.status === NOT_APPLICABLE) return 'not-applicable';
  if (p.status === 'MET') return 'met';
  if (p.status === 'MISSED') return 'missed';
  if (p.status === 'OPEN' && p.atRisk) return 'risk';
  if (p.status === 'UPCOMING' || p.status === 'CANCELLED') return 'upcoming';
  return 'open';
}

/** What a bar says: credited/target and the period's status; a period that does not apply has no target to show. */
function progressText(p, t, credited, target) {
  if (!p) return 'Không có chỉ tiêu theo kỳ';
  if (t === 'not-applicable') return bucketStatusText(p);
  return `${num(credited)}/${num(target)} — ${t === 'risk' ? 'Có nguy cơ không đạt' : bucketStatusText(p)}`;
}

/** A labelled progress bar: credited / target of a period. */
export function progressBar(p, testid, taskId) {
  const target = p?.target || 0;
  const credited = p?.credited || 0;
  const pct = target > 0 ? Math.min(100, Math.round((credited / target) * 100)) : (credited > 0 ? 100 : 0);
  const t = tone(p);
  const text = progressText(p, t, credited, target);
  return h('div', { class: `progress tone-${t}` },
    h('div', {
      class: 'bar', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': target || 1, 'aria-valuenow': credited,
      'aria-valuetext': text, 'aria-label': p ? `Tiến độ ${periodName(p.period)}` : 'Tiến độ',
      dataset: { testid, taskId: taskId || '', credited: String(credited), target: String(target), tone: t },
    }, h('span', { class: 'fill', style: `width: ${pct}%` })),
    h('span', { class: 'progress-text' }, text));
}

export async function boardPage(main, ctx) {
  const { who, query } = ctx;
  const plans = (await get(paths.plans())).filter((p) => p.status !== 'DRAFT');
  if (!ctx.current()) return;
  let planId = query.get('plan') || plans.find((p) => p.status === 'ISSUED' || p.status === 'AMENDED')?.id || plans[0]?.id;
  const picker = select({ id: 'task-plan', dataset: { testid: 'task-plan' } },
    plans.map((p) => ({ value: p.id, label: `${who.isCommune ? '' : `${nameOf(p.tenantId)} — `}${p.number || ''} ${p.title || ''}`.trim() })),
    planId);
  picker.addEventListener('change', () => ctx.navigate(`#/nhiem-vu?plan=${encodeURIComponent(picker.value)}`));
  const board = h('div', { id: 'task-board', dataset: { testid: 'task-board' }, 'aria-live': 'polite' });
  mount(main, pageTitle('Nhiệm vụ'),
    plans.length === 0 ? h('p', {}, 'Chưa có kế hoạch nào được ban hành. Nhiệm vụ xuất hiện ở đây khi kế hoạch được ban hành.')
      : h('div', { class: 'toolbar' }, h('label', { for: 'task-plan' }, 'Kế hoạch'), picker),
    board);
  if (!planId) return undefined;

  const load = async () => {
    const tasks = await get(paths.tasks(planId));
    if (!ctx.current()) return;
    keepFocus(board, () => renderBoard(board, tasks));
  };
  await load();
  const refresh = debounce(() => load().catch(() => {}), 500);
  return ctx.live.subscribe(refresh);
}

/** The codes of a task's periods in a status ("2025-Q1", …). */
function periodsIn(periods, status) {
  return (periods || []).filter((p) => p.status === status).map((p) => p.period);
}

function renderBoard(board, tasks) {
  const sorted = tasks.slice().sort((a, b) => a.order - b.order);
  const counts = { met: 0, risk: 0, missed: 0 };
  for (const t of sorted) {
    const tn = tone(currentPeriod(t.periods));
    if (tn in counts) counts[tn] += 1;
  }
  mount(board,
    h('p', { class: 'legend' },
      h('span', { class: 'chip tone-met' }, `Đạt: ${num(counts.met)}`), ' ',
      h('span', { class: 'chip tone-risk' }, `Có nguy cơ: ${num(counts.risk)}`), ' ',
      h('span', { class: 'chip tone-missed' }, `Không đạt: ${num(counts.missed)}`), ' ',
      h('span', { class: 'updated' }, `Cập nhật lúc ${dateTime(new Date().toISOString())}`)),
    sorted.length === 0 ? h('p', {}, 'Kế hoạch này chưa có nhiệm vụ.') : h('ul', { class: 'task-cards' }, sorted.map((t) => {
      const p = currentPeriod(t.periods);
      return h('li', { class: `task-card tone-${tone(p)}`, dataset: { testid: 'task-card', taskId: t.id } },
        h('h2', { class: 'task-title' }, h('a', { href: `#/nhiem-vu/${encodeURIComponent(t.id)}`, dataset: { testid: 'task-link' } },
          `${t.order ?? ''}. ${t.title}`)),
        h('p', { class: 'meta' }, `${t.leadUnit || 'Chưa rõ đơn vị chủ trì'} · ${quotaText(t.quota)}`),
        h('p', { class: 'meta' }, p ? `${periodName(p.period)}${p.end ? ` (đến ${date(new Date(Date.parse(p.end) - 1).toISOString())})` : ''}` : ''),
        progressBar(p, 'task-progress', t.id),
        periodLines(periodsIn(t.periods, 'MISSED'), periodsIn(t.periods, NOT_APPLICABLE)),
        h('p', { class: 'meta' }, statusBadge(TASK_STATUS, t.status, 'task-'), ` · Tổng đã tính: ${num(t.credited)}`,
          t.dueDate ? ` · Hạn: ${date(t.dueDate)}` : (t.dueText ? ` · ${t.dueText}` : '')));
    })));
}

export async function detailPage(main, ctx) {
  const [id] = ctx.params;
  const { who } = ctx;
  const area = h('div', { 'aria-live': 'polite' });
  const state = { task: null, titles: new Map(), withdrawing: null };
  const show = () => keepFocus(area, () => renderDetail(area, state, who, { show, withdrawn }));
  const load = async () => {
    const t = await get(paths.task(id));
    const titles = await creditTitles(t.credits);
    if (!ctx.current()) return;
    state.task = t;
    state.titles = titles;
    // a withdrawal being written is not swept away by a live refresh
    if (!state.withdrawing) show();
  };
  const withdrawn = (t) => {
    state.task = t;
    state.withdrawing = null;
    show();
    refocus(area);
  };
  mount(main, area);
  await load();
  document.title = 'Nhiệm vụ — Loa';
  const refresh = debounce(() => load().catch(() => {}), 500);
  return ctx.live.subscribe(refresh);
}

/** A leader of the commune may withdraw a credit still counted (a commune reads only its own tasks). */
function canWithdraw(who) {
  return who.isCommune && who.has('LEADER');
}

/** What a credit rests on, by its title: the item's or the activity's page. */
function creditSource(c, titles) {
  if (!c.itemId) return '—';
  const title = titles.get(c.itemId);
  const what = isActivityCredit(c) ? 'Hoạt động' : 'Tin, bài';
  return [h('a', { href: creditHref(c), dataset: { testid: 'credit-link' } }, title || `${what} không xem được`),
    h('span', { class: 'meta' }, ` (${what.toLowerCase()}${c.kind ? `: ${kindLabel(c.kind)}` : ''})`)];
}

/** How a credit was taken back: by whom (a leader) or automatically (the item was taken down), when and why. */
function withdrawalText(w) {
  if (!w) return '';
  const who = w.by ? `Lãnh đạo ${w.by} rút` : 'Tự động rút';
  return `${who} ngày ${dateTime(w.at)}${w.reason ? `. Lý do: ${w.reason}` : ''}`;
}

/** The form of a leader withdrawing one credit, with the reason kept in the task's history. */
function withdrawForm(t, c, title, cancel, done) {
  const reason = h('textarea', { rows: 3, required: true, maxlength: 500, id: 'credit-withdraw-reason',
    dataset: { testid: 'credit-withdraw-reason' } });
  const go = h('button', { type: 'submit', class: 'danger', id: 'credit-withdraw', dataset: { testid: 'credit-withdraw' } },
    'Rút lượt tính');
  const back = h('button', { type: 'button', id: 'credit-withdraw-cancel', dataset: { testid: 'credit-withdraw-cancel' } }, 'Hủy');
  back.addEventListener('click', cancel);
  const form = h('form', { class: 'form card', novalidate: true, id: 'credit-withdraw-form', dataset: { testid: 'credit-withdraw-form' } },
    h('h3', {}, 'Rút lượt tính'),
    h('p', {}, `“${title}” (${periodName(c.period)}) sẽ không còn được tính cho nhiệm vụ này, kể cả khi đăng lại. `
      + 'Lý do được ghi lại cùng lượt tính.'),
    field('Lý do rút', 'reason', reason),
    h('div', { class: 'actions' }, go, back));
  onSubmit(form, go, async () => {
    if (!reason.value.trim()) {
      throw { title: 'Chưa nêu lý do', detail: 'Vui lòng nêu lý do rút lượt tính.',
        errors: [{ field: 'reason', message: 'Ví dụ: tin không thuộc nội dung của nhiệm vụ này.' }] };
    }
    const after = await del(paths.taskCredit(t.id, c.id), { json: { reason: reason.value.trim() } });
    notice('Đã rút lượt tính.');
    done(after);
  });
  return { form, focus: () => reason.focus() };
}

function renderDetail(area, state, who, { show, withdrawn }) {
  const t = state.task;
  const { titles } = state;
  const leader = canWithdraw(who);
  const credits = (t.credits || []).slice().sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)));
  const panel = h('div', { id: 'credit-withdraw-panel' });
  const openWithdraw = (c) => {
    state.withdrawing = c.id;
    const name = titles.get(c.itemId) || (isActivityCredit(c) ? 'Hoạt động' : 'Tin, bài');
    const { form, focus } = withdrawForm(t, c, name, () => {
      state.withdrawing = null;
      show();
      area.querySelector(`[data-testid="credit-withdraw-open"][data-credit-id="${CSS.escape(c.id)}"]`)?.focus();
    }, withdrawn);
    mount(panel, form);
    focus();
  };
  mount(area,
    h('div', { class: 'page-head' }, h('h1', { id: 'page-title', tabindex: '-1' }, t.title),
      h('div', { class: 'actions' }, h('a', { class: 'button', href: `#/nhiem-vu?plan=${encodeURIComponent(t.planId)}` }, 'Về bảng nhiệm vụ'))),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Đơn vị chủ trì'), h('dd', {}, t.leadUnit || '—'),
      h('dt', {}, 'Phối hợp'), h('dd', {}, (t.coordinatingUnits || []).join(', ') || '—'),
      h('dt', {}, 'Chỉ tiêu'), h('dd', {}, quotaText(t.quota)),
      h('dt', {}, 'Sản phẩm'), h('dd', {}, (t.productKinds || []).map(kindLabel).join(', ') || '—'),
      h('dt', {}, 'Kênh'), h('dd', {}, (t.channels || []).map((c) => label(CHANNELS, c)).join(', ') || '—'),
      h('dt', {}, 'Trạng thái'), h('dd', {}, statusBadge(TASK_STATUS, t.status, 'task-')),
      h('dt', {}, 'Tổng đã tính'), h('dd', {}, num(t.credited))),
    h('section', { class: 'card', 'aria-labelledby': 'periods-title' },
      h('h2', { id: 'periods-title' }, 'Tiến độ theo kỳ'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data', dataset: { testid: 'task-periods' } },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kỳ'), h('th', { scope: 'col' }, 'Tiến độ'),
          h('th', { scope: 'col' }, 'Trạng thái'))),
        h('tbody', {}, (t.periods || []).length === 0 ? emptyRow(3, 'Nhiệm vụ không có chỉ tiêu theo kỳ.')
          : t.periods.map((p) => h('tr', {
            class: p.status === NOT_APPLICABLE ? 'not-applicable' : '', dataset: { testid: 'task-period', period: p.period },
          },
            h('th', { scope: 'row' }, periodName(p.period)),
            h('td', {}, progressBar(p, 'period-progress', t.id)),
            h('td', {}, bucketStatusText(p), p.atRisk ? ' — có nguy cơ không đạt' : ''))))))),
    h('section', { class: 'card', 'aria-labelledby': 'credits-title' },
      h('h2', { id: 'credits-title' }, `Các lượt tính (${num(credits.length)})`),
      h('p', { class: 'hint' }, 'Mỗi lượt tính là một tin, bài đã đăng trên một kênh hoặc một hoạt động đã tổ chức, được tính cho nhiệm vụ này.',
        leader ? ' Lãnh đạo xã rút được lượt tính sai, có nêu lý do.' : ''),
      panel,
      h('div', { class: 'table-wrap' }, h('table', { class: 'data', dataset: { testid: 'task-credits' } },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tin, bài hoặc hoạt động'), h('th', { scope: 'col' }, 'Kênh'),
          h('th', { scope: 'col' }, 'Thời điểm đăng'), h('th', { scope: 'col' }, 'Kỳ'), h('th', { scope: 'col' }, 'Cách tính'),
          h('th', { scope: 'col' }, 'Ghi chú'),
          leader ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Thao tác')) : null)),
        h('tbody', {}, credits.length === 0 ? emptyRow(leader ? 7 : 6, 'Chưa có lượt tính nào.') : credits.map((c) => h('tr', {
          class: c.withdrawn ? 'withdrawn' : '', dataset: { testid: 'task-credit', itemId: c.itemId || '', creditId: c.id || '' },
        },
          h('td', {}, creditSource(c, titles)),
          h('td', {}, c.channel ? label(CHANNELS, c.channel) : 'Tổ chức trực tiếp'),
          // an activity held and a visual product (truc-quan) have a day, not a time
          h('td', {}, isActivityCredit(c) || c.channel === 'truc-quan' ? date(c.publishedAt) : dateTime(c.publishedAt)),
          h('td', {}, periodName(c.period)),
          h('td', {}, label(CREDIT_BASIS, c.basis)),
          h('td', { class: 'withdrawal', dataset: { testid: 'credit-withdrawal' } }, withdrawalText(c.withdrawn)),
          leader ? h('td', {}, c.withdrawn ? null : h('button', {
            type: 'button', class: 'small danger', dataset: { testid: 'credit-withdraw-open', creditId: c.id },
            'aria-label': `Rút lượt tính của “${titles.get(c.itemId) || 'tin, bài'}”, ${periodName(c.period)}`,
            onclick: () => openWithdraw(c),
          }, 'Rút')) : null)))))));
}
