// Tin bài & hoạt động: list with a status filter, write (rich text, kind, themes, tasks, channels, attachments),
// submit, approve / reject (leader), publish now or at a time, each channel's result and retry, record an outside
// publication, record a visual product (pano, băng rôn, tờ rơi… with place, quantity, day and photo), retract;
// record an activity held.

import { get, post, put, request, upload, download, paths } from '../api.js';
import { taskNames, taskName, forget } from '../titles.js';
import {
  h, mount, keepFocus, refocus, pageTitle, field, checkboxes, checkedValues, select, options, action, onSubmit, notice,
  button, panelForm,
  date, dateTime, num, isoDate, isoLocalDateTime, list, label, statusBadge, emptyRow,
  CONTENT_STATUS, PUBLICATION_STATUS, CONTENT_KINDS, ACTIVITY_KINDS, CHANNELS, VISUAL_PRODUCTS, VISUAL_CHANNEL,
} from '../ui.js';
import { richText, safeFragment } from '../editor.js';
import { nameOf, asUnit } from '../places.js';
import { debounce } from '../live.js';

const PAGE_SIZE = 20;

function canWrite(who) {
  return who.isCommune && (who.has('EDITOR') || who.has('LEADER') || who.has('ADMIN'));
}

/** The channel's name as GET /api/channels gives it to the caller, else as the item's commune calls it. */
function channelName(id, offered, tenantId) {
  return offered?.find((c) => c.id === id)?.displayName || asUnit(label(CHANNELS, id), tenantId);
}

// ---- list ----

export async function listPage(main, ctx) {
  const { who, query } = ctx;
  const status = query.get('status') || '';
  const page = Math.max(0, Number(query.get('page') || 0));
  const result = await get(paths.contents({ status, page, size: PAGE_SIZE }));
  if (!ctx.current()) return;
  const filter = select({ id: 'content-status-filter', dataset: { testid: 'content-status-filter' } },
    [{ value: '', label: 'Tất cả trạng thái' }, ...options(CONTENT_STATUS)], status);
  filter.addEventListener('change', () => ctx.navigate(`#/tin-bai${filter.value ? `?status=${filter.value}` : ''}`));
  const link = (p) => `#/tin-bai?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  const pages = Math.max(1, Math.ceil((result.total || 0) / PAGE_SIZE));
  mount(main,
    pageTitle('Tin bài & hoạt động', canWrite(who) ? h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: '#/tin-bai/moi', id: 'content-new-link', dataset: { testid: 'content-new-link' } }, 'Viết tin bài'),
      h('a', { class: 'button', href: '#/hoat-dong/moi', id: 'activity-new-link', dataset: { testid: 'activity-new-link' } }, 'Ghi nhận hoạt động'),
      h('a', { class: 'button', href: '#/hoat-dong', id: 'activities-link', dataset: { testid: 'activities-link' } }, 'Hoạt động đã tổ chức'))
      : h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/hoat-dong', id: 'activities-link', dataset: { testid: 'activities-link' } }, 'Hoạt động đã tổ chức'))),
    h('div', { class: 'toolbar' }, h('label', { for: 'content-status-filter' }, 'Lọc theo trạng thái'), filter,
      h('span', { class: 'count', role: 'status' }, `${num(result.total)} tin, bài`)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'content-list', dataset: { testid: 'content-list' } },
      h('caption', { class: 'visually-hidden' }, 'Danh sách tin, bài'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Tiêu đề'), h('th', { scope: 'col' }, 'Loại'),
        h('th', { scope: 'col' }, 'Trạng thái'), h('th', { scope: 'col' }, 'Kênh'), h('th', { scope: 'col' }, 'Người viết'),
        h('th', { scope: 'col' }, 'Cập nhật'))),
      h('tbody', {}, (result.items || []).length === 0 ? emptyRow(6, 'Không có tin, bài nào.') : result.items.map((i) => h('tr', {
        dataset: { testid: 'content-row', id: i.id, status: i.status },
      },
        h('td', {}, h('a', { href: `#/tin-bai/${encodeURIComponent(i.id)}`, dataset: { testid: 'content-link' } }, i.title || '(chưa có tiêu đề)')),
        h('td', {}, label(CONTENT_KINDS, i.kind)),
        h('td', {}, statusBadge(CONTENT_STATUS, i.status)),
        h('td', {}, (i.channels || []).map((c) => asUnit(label(CHANNELS, c), i.tenantId)).join(', ') || '—'),
        h('td', {}, i.author || '—'),
        h('td', {}, dateTime(i.updatedAt))))))),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Phân trang' },
      page > 0 ? h('a', { href: link(page - 1), class: 'button', dataset: { testid: 'page-prev' } }, 'Trang trước') : null,
      h('span', {}, `Trang ${num(page + 1)}/${num(pages)}`),
      page + 1 < pages ? h('a', { href: link(page + 1), class: 'button', dataset: { testid: 'page-next' } }, 'Trang sau') : null) : null);
}

// ---- tasks an item or activity may serve: the tasks of the live plans ----

async function liveTasks() {
  try {
    const plans = (await get(paths.plans())).filter((p) => p.status === 'ISSUED' || p.status === 'AMENDED');
    const all = await Promise.all(plans.map((p) => get(paths.tasks(p.id)).then((ts) => ts.map((t) => ({ ...t, planNumber: p.number })))
      .catch(() => [])));
    return all.flat();
  } catch {
    return [];
  }
}

function taskOptions(tasks) {
  return tasks.map((t) => ({ value: t.id, label: `${t.planNumber ? `${t.planNumber} — ` : ''}${t.order ?? ''}. ${t.title}` }));
}

/** The tasks an item or activity names, by number and title, each a link to the task (`names`: from taskNames). */
function taskLinks(ids, names, none) {
  if (!(ids || []).length) return none;
  return h('ul', { class: 'links', dataset: { testid: 'served-tasks' } }, ids.map((id) => h('li', {},
    h('a', { href: `#/nhiem-vu/${encodeURIComponent(id)}`, dataset: { testid: 'served-task' } }, taskName(names.get(id))))));
}

// ---- write / edit ----

export async function editPage(main, ctx) {
  const [id] = ctx.params;
  const [item, offered, tasks] = await Promise.all([
    id ? get(paths.content(id)) : Promise.resolve(null),
    get(paths.channels()).catch(() => []),
    liveTasks(),
  ]);
  if (!ctx.current()) return;
  const v = item || {};
  const channelOptions = offered.map((c) => ({ value: c.id, label: c.displayName || asUnit(label(CHANNELS, c.id), ctx.who.tenant) }));
  for (const c of v.channels || []) {
    if (!channelOptions.some((o) => o.value === c)) channelOptions.push({ value: c, label: `${asUnit(label(CHANNELS, c), ctx.who.tenant)} (hiện không hoạt động)` });
  }
  const inputs = {
    title: h('input', { type: 'text', required: true, value: v.title || '', maxlength: 300, dataset: { testid: 'content-title' } }),
    summary: h('textarea', { rows: 3, dataset: { testid: 'content-summary' } }, v.summary || ''),
    kind: select({ dataset: { testid: 'content-kind' } }, options(CONTENT_KINDS), v.kind || 'NEWS'),
    themes: h('input', { type: 'text', value: (v.themes || []).join(', '), dataset: { testid: 'content-themes' } }),
    unit: h('input', { type: 'text', value: v.unit || '', dataset: { testid: 'content-unit' } }),
  };
  const body = richText('content-body', 'content-body-label', v.body || '');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'content-save', dataset: { testid: 'content-save' } },
    item ? 'Lưu thay đổi' : 'Lưu bản nháp');
  const form = h('form', { class: 'form', id: 'content-form', novalidate: true },
    field('Tiêu đề', 'title', inputs.title),
    field('Tóm tắt', 'summary', inputs.summary),
    h('div', { class: 'field', dataset: { field: 'body' } },
      h('span', { class: 'label', id: 'content-body-label' }, 'Nội dung'),
      body.element,
      h('p', { class: 'field-error', hidden: true })),
    h('div', { class: 'row' },
      field('Loại tin, bài', 'kind', inputs.kind),
      field('Đơn vị thực hiện', 'unit', inputs.unit)),
    field('Chủ đề', 'themes', inputs.themes, 'Cách nhau bởi dấu phẩy, ví dụ: Dịch vụ công trực tuyến, Chuyển đổi số'),
    checkboxes('Phục vụ nhiệm vụ (không bắt buộc)', 'taskIds', taskOptions(tasks), v.taskIds, 'content-task'),
    checkboxes('Đăng trên các kênh', 'channels', channelOptions, v.channels, 'content-channel'),
    item && ['APPROVED'].includes(item.status) ? h('p', { class: 'hint' }, 'Tin đã duyệt: sửa nội dung sẽ phải trình duyệt lại.') : null,
    h('div', { class: 'actions' }, submit, h('a', { class: 'button', href: item ? `#/tin-bai/${encodeURIComponent(item.id)}` : '#/tin-bai' }, 'Hủy')));
  onSubmit(form, submit, async () => {
    const payload = {
      title: inputs.title.value.trim(),
      summary: inputs.summary.value.trim() || null,
      body: body.getHtml(),
      kind: inputs.kind.value,
      themes: list(inputs.themes.value),
      taskIds: checkedValues(form, 'taskIds'),
      channels: checkedValues(form, 'channels'),
      unit: inputs.unit.value.trim() || null,
    };
    const saved = item ? await put(paths.content(item.id), payload) : await post(paths.contents(), payload);
    notice(item ? 'Đã lưu thay đổi.' : 'Đã lưu bản nháp.');
    ctx.navigate(`#/tin-bai/${encodeURIComponent(saved.id)}`);
  });
  mount(main, pageTitle(item ? 'Sửa tin, bài' : 'Viết tin, bài'),
    offered.length === 0 ? h('p', { class: 'hint' }, 'Hiện chưa có kênh đăng nào đang hoạt động; bạn vẫn lưu được bản nháp.') : null,
    form);
  inputs.title.focus();
}

// ---- one item ----

export async function detailPage(main, ctx) {
  const [id] = ctx.params;
  const { who } = ctx;
  const offered = await get(paths.channels()).catch(() => []);
  let item = await get(paths.content(id));
  let tasks = await taskNames(item.taskIds);
  if (!ctx.current()) return;
  let poll = null;
  const photos = new Map(); // visual products' photo id → blob URL, read once with the token

  const reload = async () => {
    const fresh = await get(paths.content(id));
    if (!ctx.current()) return;
    // keep what the user is typing: re-render only when something changed
    if (fresh.updatedAt !== item.updatedAt || fresh.status !== item.status
      || JSON.stringify(fresh.publications) !== JSON.stringify(item.publications)
      || JSON.stringify(fresh.engagement) !== JSON.stringify(item.engagement)) {
      item = fresh;
      tasks = await taskNames(item.taskIds);
      if (!ctx.current()) return;
      keepFocus(main, render);
    }
  };

  const render = () => {
    const mine = who.isCommune && who.tenant === item.tenantId;
    const leader = mine && who.has('LEADER');
    const writer = mine && canWrite(who);
    const s = item.status;
    const actions = h('div', { class: 'actions', id: 'content-actions' });
    const panel = h('div', { id: 'content-action-panel' });
    if (writer && ['DRAFT', 'REJECTED', 'SUBMITTED', 'APPROVED'].includes(s)) {
      actions.appendChild(h('a', { class: 'button', href: `#/tin-bai/${encodeURIComponent(item.id)}/sua`, id: 'content-edit',
        dataset: { testid: 'content-edit' } }, 'Sửa'));
    }
    if (writer && (s === 'DRAFT' || s === 'REJECTED')) {
      actions.appendChild(step('content-submit', 'Gửi duyệt', () => post(paths.contentAction(item.id, 'submit')),
        'Đã gửi lãnh đạo duyệt.'));
    }
    if (leader && s === 'SUBMITTED') {
      actions.appendChild(step('content-approve', 'Duyệt', () => post(paths.contentAction(item.id, 'approve')),
        'Đã duyệt tin, bài.'));
      const rejectOpen = button('content-reject-open', 'Trả lại');
      rejectOpen.addEventListener('click', () => openReject(panel));
      actions.appendChild(rejectOpen);
    }
    if (writer && s === 'APPROVED') {
      actions.appendChild(step('content-publish', 'Đăng ngay', () => post(paths.contentAction(item.id, 'publish'), {}),
        'Đã gửi yêu cầu đăng tới các kênh.'));
      const scheduleOpen = button('content-schedule-open', 'Hẹn giờ đăng');
      scheduleOpen.addEventListener('click', () => openSchedule(panel));
      actions.appendChild(scheduleOpen);
    }
    if (writer && ['APPROVED', 'PUBLISHING', 'PUBLISHED', 'PARTIALLY_PUBLISHED'].includes(s)) {
      const outsideOpen = button('outside-open', 'Ghi nhận đã đăng ở nơi khác');
      outsideOpen.addEventListener('click', () => openOutside(panel));
      actions.appendChild(outsideOpen);
    }
    const visualDone = (item.publications || []).some((p) => p.channel === VISUAL_CHANNEL && p.status !== 'REQUESTED'
      && p.status !== 'FAILED');
    if (writer && ['APPROVED', 'PUBLISHING', 'PUBLISHED', 'PARTIALLY_PUBLISHED'].includes(s) && !visualDone) {
      const visualOpen = h('button', { type: 'button', id: 'visual-open', dataset: { testid: 'visual-open' } }, 'Ghi nhận sản phẩm trực quan');
      visualOpen.addEventListener('click', () => openVisual(panel));
      actions.appendChild(visualOpen);
    }
    if (leader && ['PUBLISHING', 'PUBLISHED', 'PARTIALLY_PUBLISHED'].includes(s)) {
      const retractOpen = h('button', { type: 'button', class: 'danger', id: 'content-retract-open', dataset: { testid: 'content-retract-open' } }, 'Gỡ tin, bài');
      retractOpen.addEventListener('click', () => openRetract(panel));
      actions.appendChild(retractOpen);
    }

    mount(main,
      pageTitle(item.title || '(chưa có tiêu đề)', actions),
      panel,
      h('dl', { class: 'facts', dataset: { testid: 'content-facts' } },
        h('dt', {}, 'Trạng thái'), h('dd', { id: 'content-status' }, statusBadge(CONTENT_STATUS, s)),
        h('dt', {}, 'Loại'), h('dd', {}, label(CONTENT_KINDS, item.kind)),
        !mine ? [h('dt', {}, 'Xã, phường'), h('dd', {}, nameOf(item.tenantId))] : null,
        h('dt', {}, 'Người viết'), h('dd', {}, item.author || '—'),
        h('dt', {}, 'Đơn vị'), h('dd', {}, item.unit || '—'),
        h('dt', {}, 'Chủ đề'), h('dd', {}, (item.themes || []).join(', ') || '—'),
        h('dt', {}, 'Kênh'), h('dd', {}, (item.channels || []).map((c) => channelName(c, offered, item.tenantId)).join(', ') || '—'),
        h('dt', {}, 'Nhiệm vụ'), h('dd', {}, taskLinks(item.taskIds, tasks, 'Tự khớp theo kênh, loại và kỳ')),
        h('dt', {}, 'Tạo lúc'), h('dd', {}, dateTime(item.createdAt)),
        item.approvedBy ? [h('dt', {}, 'Duyệt'), h('dd', {}, `${item.approvedBy}, ${dateTime(item.approvedAt)}`)] : null,
        item.scheduledAt ? [h('dt', {}, 'Hẹn đăng lúc'), h('dd', { dataset: { testid: 'content-scheduled-at' } }, dateTime(item.scheduledAt))] : null,
        item.rejectionReason && s === 'REJECTED' ? [h('dt', {}, 'Lý do trả lại'), h('dd', { dataset: { testid: 'content-rejection-reason' } }, item.rejectionReason)] : null),
      publicationsSection(item, offered, writer, (fresh) => { item = fresh; render(); }),
      engagementSection(item, offered, writer && typable(item).length > 0 ? () => openEngagement(panel) : null),
      visualSection(item, photos),
      h('section', { class: 'card', 'aria-labelledby': 'body-title' },
        h('h2', { id: 'body-title' }, 'Nội dung'),
        item.summary ? h('p', { class: 'summary' }, item.summary) : null,
        h('div', { class: 'article-body', dataset: { testid: 'content-body-view' } }, safeFragment(item.body || ''))),
      attachmentsSection(item, writer && ['DRAFT', 'REJECTED', 'SUBMITTED', 'APPROVED'].includes(s), (fresh) => { item = fresh; render(); }),
      historySection(item));

    clearInterval(poll);
    poll = s === 'PUBLISHING' || (item.publications || []).some((p) => p.status === 'REQUESTED')
      ? setInterval(() => reload().catch(() => {}), 4000) : null;
    refocus(main);
  };

  /** The item as the service answered a step, the step's notice, and the page again. */
  function changed(next, text) {
    item = next;
    notice(text);
    render();
  }

  /** A step of the workflow as a button of the page's actions. */
  function step(id, text, send, done) {
    return action(button(id, text, 'primary'), async () => changed(await send(), done), main);
  }

  function openReject(panel) {
    const reason = h('textarea', { rows: 3, required: true, id: 'content-reject-reason', dataset: { testid: 'content-reject-reason' } });
    panelForm(panel, { heading: 'Trả lại tin, bài', content: field('Lý do trả lại', 'reason', reason),
      buttons: [button('content-reject', 'Trả lại tin, bài', 'danger', 'submit')], focus: reason,
      run: async () => changed(await post(paths.contentAction(item.id, 'reject'), { reason: reason.value.trim() }),
        'Đã trả lại tin, bài cho người viết.') });
  }

  function openSchedule(panel) {
    const at = h('input', { type: 'text', placeholder: 'dd/MM/yyyy HH:mm', id: 'content-publish-at', dataset: { testid: 'content-publish-at' } });
    panelForm(panel, { heading: 'Hẹn giờ đăng', focus: at,
      content: field('Thời điểm đăng (giờ Việt Nam)', 'at', at, 'Theo dạng dd/MM/yyyy HH:mm, ví dụ 02/09/2025 08:00'),
      buttons: [button('content-publish-schedule', 'Hẹn giờ', 'primary', 'submit')],
      run: async () => {
        const when = isoLocalDateTime(at.value);
        if (!when) {
          throw { title: 'Thời điểm chưa hợp lệ', detail: 'Vui lòng nhập thời điểm theo dạng dd/MM/yyyy HH:mm.',
            errors: [{ field: 'at', message: 'Ví dụ: 02/09/2025 08:00.' }] };
        }
        changed(await post(paths.contentAction(item.id, 'publish'), { at: when }), `Đã hẹn đăng lúc ${at.value.trim()}.`);
      } });
  }

  function openOutside(panel) {
    const known = { ...CHANNELS };
    for (const c of offered) known[c.id] = c.displayName || known[c.id] || c.id;
    delete known[VISUAL_CHANNEL]; // recorded with its photo, place and quantity ("Ghi nhận sản phẩm trực quan")
    const channel = select({ id: 'outside-channel', dataset: { testid: 'outside-channel' } }, options(known), 'province-portal');
    const url = h('input', { type: 'url', id: 'outside-url', placeholder: 'https://', dataset: { testid: 'outside-url' } });
    const when = h('input', { type: 'text', id: 'outside-published-at', placeholder: 'dd/MM/yyyy HH:mm', dataset: { testid: 'outside-published-at' } });
    panelForm(panel, { heading: 'Ghi nhận đã đăng ở nơi khác', focus: channel,
      content: [h('p', { class: 'hint' }, 'Ví dụ: trang thông tin CCHC của thành phố, báo, đài. Lượt đăng này được tính như mọi kênh khác.'),
        field('Kênh', 'channel', channel), field('Đường dẫn bài đã đăng', 'url', url),
        field('Thời điểm đăng', 'publishedAt', when, 'dd/MM/yyyy HH:mm')],
      buttons: [button('outside-save', 'Ghi nhận', 'primary', 'submit')],
      run: async () => {
        const at = isoLocalDateTime(when.value);
        if (at === undefined) {
          throw { title: 'Thời điểm chưa hợp lệ', detail: 'Vui lòng nhập thời điểm theo dạng dd/MM/yyyy HH:mm.',
            errors: [{ field: 'publishedAt', message: 'Ví dụ: 02/09/2025 08:00.' }] };
        }
        changed(await post(paths.contentPublications(item.id), { channel: channel.value, url: url.value.trim(), publishedAt: at }),
          'Đã ghi nhận lượt đăng.');
      } });
  }

  /** An operator's reading of a manual channel's own statistics (reach, reactions, shares as of a day). */
  function openEngagement(panel) {
    const known = {};
    for (const p of typable(item)) known[p.channel] = channelName(p.channel, offered, item.tenantId);
    const channel = select({ id: 'engagement-channel', dataset: { testid: 'engagement-channel' } }, options(known));
    const numberInput = (id) => h('input', { type: 'text', inputmode: 'numeric', id, autocomplete: 'off', dataset: { testid: id } });
    const reach = numberInput('engagement-reach');
    const reactions = numberInput('engagement-reactions');
    const shares = numberInput('engagement-shares');
    const asOf = h('input', { type: 'text', id: 'engagement-as-of', placeholder: 'dd/MM/yyyy', value: date(new Date().toISOString()),
      dataset: { testid: 'engagement-as-of' } });
    const count = (input, fieldName, text, required) => {
      const v = input.value.trim().replace(/[.\s]/g, '');
      if (!v) {
        if (required) throw { title: 'Thiếu số liệu', detail: `${text} là bắt buộc.`, errors: [{ field: fieldName, message: `${text} là bắt buộc.` }] };
        return null;
      }
      if (!/^\d{1,10}$/.test(v)) {
        throw { title: 'Số liệu chưa hợp lệ', detail: `${text} phải là số nguyên không âm.`,
          errors: [{ field: fieldName, message: 'Nhập số nguyên, ví dụ 1250.' }] };
      }
      return Number(v);
    };
    panelForm(panel, { heading: 'Nhập số liệu hiệu quả tuyên truyền', focus: channel,
      content: [h('p', { class: 'hint' }, 'Số liệu cộng dồn đọc trên chính kênh (ví dụ: trang quản lý Fanpage) tính đến ngày nhập. Lần nhập sau thay lần nhập trước.'),
        field('Kênh', 'channel', channel), field('Lượt tiếp cận', 'reach', reach),
        field('Lượt tương tác', 'reactions', reactions, 'Thích, bình luận…'), field('Lượt chia sẻ', 'shares', shares),
        field('Tính đến ngày', 'asOf', asOf, 'dd/MM/yyyy')],
      buttons: [button('engagement-save', 'Ghi nhận số liệu', 'primary', 'submit')],
      run: async () => {
        const day = isoDate(asOf.value);
        if (!day) {
          throw { title: 'Ngày chưa hợp lệ', detail: 'Vui lòng nhập ngày theo dạng dd/MM/yyyy.',
            errors: [{ field: 'asOf', message: 'Ví dụ: 04/09/2025.' }] };
        }
        await post(paths.contentEngagement(item.id), { channel: channel.value, reach: count(reach, 'reach', 'Lượt tiếp cận', true),
          reactions: count(reactions, 'reactions', 'Lượt tương tác'), shares: count(shares, 'shares', 'Lượt chia sẻ'), asOf: day });
        mount(panel);
        notice('Đã ghi nhận số liệu; bảng hiệu quả tuyên truyền cập nhật sau ít giây.');
        // the reading travels as an event and comes back as the item's figures: look again a few times
        for (const wait of [1000, 2000, 4000]) setTimeout(() => reload().catch(() => {}), wait);
      } });
  }

  function openVisual(panel) {
    const today = date(new Date().toISOString());
    const product = select({ id: 'visual-product', dataset: { testid: 'visual-product' } }, options(VISUAL_PRODUCTS),
      VISUAL_PRODUCTS[item.kind] ? item.kind : 'BANNER');
    const place = h('input', { type: 'text', id: 'visual-place', maxlength: 300, autocomplete: 'off',
      placeholder: 'Ví dụ: Trụ sở UBND xã; Điểm Bưu điện văn hóa xã', dataset: { testid: 'visual-place' } });
    const quantity = h('input', { type: 'number', id: 'visual-quantity', min: 1, max: 100000, step: 1, inputmode: 'numeric',
      value: '1', dataset: { testid: 'visual-quantity' } });
    const day = h('input', { type: 'text', id: 'visual-published-on', inputmode: 'numeric', placeholder: 'dd/MM/yyyy',
      value: today, dataset: { testid: 'visual-published-on' } });
    const photo = h('input', { type: 'file', id: 'visual-photo', accept: 'image/jpeg,image/png,image/webp,image/gif',
      capture: 'environment', dataset: { testid: 'visual-photo' } });
    const cancel = h('button', { type: 'button', id: 'visual-cancel' }, 'Hủy');
    cancel.addEventListener('click', () => mount(panel));
    panelForm(panel, { heading: 'Ghi nhận sản phẩm trực quan', focus: product,
      attrs: { id: 'visual-form', dataset: { testid: 'visual-form' } },
      content: [h('p', { class: 'hint' }, 'Pano, băng rôn, áp phích, tờ rơi, niêm yết trên bảng tin, tài liệu tại Điểm Bưu điện văn hóa xã '
        + 'hoặc hội nghị: ghi loại, nơi đặt, số lượng, ngày thực hiện và chụp ảnh làm minh chứng. Sản phẩm được tính cho '
        + 'nhiệm vụ như mọi lượt đăng khác.'),
      h('div', { class: 'row' }, field('Loại sản phẩm', 'product', product),
        field('Số lượng', 'quantity', quantity)),
      field('Nơi đặt, treo hoặc phát', 'place', place),
      field('Ngày thực hiện', 'publishedOn', day, 'dd/MM/yyyy, không sau hôm nay'),
      field('Ảnh minh chứng (JPEG, PNG, WebP, GIF; tối đa 10 MB)', 'photo', photo)],
      buttons: [button('visual-save', 'Ghi nhận', 'primary', 'submit'), cancel],
      run: async () => {
        const on = isoDate(day.value);
        if (on === undefined) {
          throw { title: 'Ngày chưa hợp lệ', detail: 'Vui lòng nhập ngày thực hiện theo dạng dd/MM/yyyy.',
            errors: [{ field: 'publishedOn', message: 'Ví dụ: 15/10/2025.' }] };
        }
        const data = new FormData();
        data.append('channel', VISUAL_CHANNEL);
        data.append('product', product.value);
        data.append('place', place.value.trim());
        data.append('quantity', quantity.value.trim());
        data.append('publishedOn', on || '');
        if (photo.files.length) data.append('photo', photo.files[0], photo.files[0].name);
        changed(await request(paths.contentPublications(item.id), { method: 'POST', form: data }),
          'Đã ghi nhận sản phẩm trực quan.');
        document.getElementById('visual-products')?.scrollIntoView({ block: 'start' });
      } });
  }

  function openRetract(panel) {
    const reason = h('textarea', { rows: 2, id: 'content-retract-reason', dataset: { testid: 'content-retract-reason' } });
    panelForm(panel, { heading: 'Gỡ tin, bài', content: field('Lý do', 'reason', reason), focus: reason,
      buttons: [button('content-retract', 'Gỡ khỏi mọi kênh', 'danger', 'submit')],
      run: async () => changed(await post(paths.contentAction(item.id, 'retract'), { reason: reason.value.trim() || null }),
        'Đã gửi yêu cầu gỡ tin, bài.') });
  }

  render();
  const unsubscribe = ctx.live.subscribe(debounce(() => reload().catch(() => {}), 500));
  return () => {
    unsubscribe();
    clearInterval(poll);
    for (const url of photos.values()) URL.revokeObjectURL(url);
  };
}

/** The visual products recorded on the item: photo, kind, place, quantity, day; one card each, readable on a phone. */
function visualSection(item, photos) {
  const recorded = (item.publications || []).filter((p) => p.visual);
  if (recorded.length === 0) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'visual-title', id: 'visual-products', dataset: { testid: 'visual-products' } },
    h('h2', { id: 'visual-title' }, 'Sản phẩm trực quan đã ghi nhận'),
    recorded.map((p) => {
      const v = p.visual;
      const img = h('img', { alt: `Ảnh minh chứng: ${v.productLabel} tại ${v.place}`, dataset: { testid: 'visual-photo-view' } });
      const known = v.photo && photos.get(v.photo.id);
      if (known) {
        img.src = known;
      } else if (v.photo) {
        request(v.photo.url, { raw: true, accept: 'image/*' }).then((res) => res.blob()).then((blob) => {
          const url = URL.createObjectURL(blob);
          photos.set(v.photo.id, url);
          img.src = url;
          img.dataset.loaded = 'true';
        }).catch(() => { img.alt = `${v.photo.fileName} (không tải được ảnh)`; });
      }
      return h('article', { class: 'visual-product', dataset: { testid: 'visual-product-card', status: p.status, product: v.product } },
        h('figure', {}, img, v.photo ? h('figcaption', {}, action(h('button', {
          type: 'button', class: 'link-button', dataset: { testid: 'visual-photo-download' },
        }, v.photo.fileName), () => download(v.photo.url, v.photo.fileName))) : null),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Sản phẩm'), h('dd', { dataset: { testid: 'visual-product-label' } }, v.productLabel || label(VISUAL_PRODUCTS, v.product)),
          h('dt', {}, 'Số lượng'), h('dd', { dataset: { testid: 'visual-quantity-view' } }, num(v.quantity)),
          h('dt', {}, 'Nơi đặt'), h('dd', { dataset: { testid: 'visual-place-view' } }, v.place),
          h('dt', {}, 'Ngày thực hiện'), h('dd', { dataset: { testid: 'visual-day-view' } }, date(v.publishedOn)),
          h('dt', {}, 'Người ghi nhận'), h('dd', {}, v.recordedBy || '—'),
          h('dt', {}, 'Kết quả'), h('dd', {}, statusBadge(PUBLICATION_STATUS, p.status, 'pub-'),
            p.retractedAt ? ` Gỡ lúc ${dateTime(p.retractedAt)}.` : '')));
    }));
}

/** Channels an operator may type figures for: published on them, and not a channel that counts by itself. */
const SELF_COUNTING = ['portal', 'radio', VISUAL_CHANNEL];
function typable(item) {
  return (item.publications || []).filter((p) => (p.status === 'SUCCEEDED' || p.status === 'RETRACTED')
    && !SELF_COUNTING.includes(p.channel));
}

/** «Hiệu quả tuyên truyền»: what reached people through each channel (GET /api/contents/{id} → engagement). */
function engagementSection(item, offered, open) {
  const rows = item.engagement || [];
  const cols = [['views', 'Lượt xem'], ['plays', 'Lượt nghe'], ['downloads', 'Lượt tải'], ['reach', 'Tiếp cận'],
    ['reactions', 'Tương tác'], ['shares', 'Chia sẻ']];
  if (rows.length === 0 && !open) return null;
  const openButton = open ? h('button', { type: 'button', id: 'engagement-open', dataset: { testid: 'engagement-open' } }, 'Nhập số liệu tiếp cận') : null;
  openButton?.addEventListener('click', open);
  return h('section', { class: 'card', 'aria-labelledby': 'engagement-title', id: 'engagement', dataset: { testid: 'content-engagement' } },
    h('h2', { id: 'engagement-title' }, 'Hiệu quả tuyên truyền'),
    h('p', { class: 'hint' }, 'Trang thông tin và đài truyền thanh tự đếm (mỗi người một lần mỗi ngày, không lưu thông tin cá nhân); kênh đăng thủ công do cán bộ nhập.'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kênh'), cols.map(([, t]) => h('th', { scope: 'col', class: 'num' }, t)),
        h('th', { scope: 'col' }, 'Số liệu tính đến'))),
      h('tbody', {}, rows.length === 0 ? emptyRow(cols.length + 2, 'Chưa có số liệu.') : rows.map((r) => h('tr', {
        dataset: { testid: 'engagement-row', channel: r.channel },
      },
        h('th', { scope: 'row' }, channelName(r.channel, offered, item.tenantId)),
        cols.map(([k]) => h('td', { class: 'num', dataset: { testid: `engagement-${k}` } }, num(r[k] || 0))),
        h('td', {}, r.asOf ? dateTime(r.asOf) : 'Tự đếm')))))),
    openButton ? h('div', { class: 'actions' }, openButton) : null);
}

function publicationsSection(item, offered, writer, changed) {
  const pubs = item.publications || [];
  const area = h('section', { class: 'card', 'aria-labelledby': 'pubs-title', id: 'publications', dataset: { testid: 'publications' } });
  mount(area,
    h('h2', { id: 'pubs-title' }, 'Kết quả đăng trên từng kênh'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kênh'), h('th', { scope: 'col' }, 'Kết quả'),
        h('th', { scope: 'col' }, 'Đường dẫn'), h('th', { scope: 'col' }, 'Thời điểm'), h('th', { scope: 'col' }, 'Ghi chú'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Thao tác')))),
      h('tbody', {}, pubs.length === 0 ? emptyRow(6, 'Chưa đăng trên kênh nào.') : pubs.map((p) => h('tr', {
        dataset: { testid: 'publication', channel: p.channel, status: p.status },
      },
        h('th', { scope: 'row' }, channelName(p.channel, offered, item.tenantId), p.outside ? ' (ghi nhận)' : ''),
        h('td', {}, statusBadge(PUBLICATION_STATUS, p.status, 'pub-')),
        h('td', {}, p.url ? h('a', { href: p.url, target: '_blank', rel: 'noopener noreferrer', dataset: { testid: 'publication-url' } }, p.url)
          : (p.visual ? h('button', { type: 'button', class: 'link-button', dataset: { testid: 'publication-visual' },
            onclick: () => document.getElementById('visual-products')?.scrollIntoView({ block: 'start' }) }, 'Xem ảnh minh chứng') : '—')),
        h('td', {}, p.visual ? date(p.visual.publishedOn)
          : (p.publishedAt ? dateTime(p.publishedAt) : (p.requestedAt ? `Gửi lúc ${dateTime(p.requestedAt)}` : '—'))),
        h('td', { dataset: { testid: 'publication-reason' } },
          p.visual ? `${num(p.visual.quantity)} × ${p.visual.productLabel} — ${p.visual.place}. ` : '',
          p.channel === VISUAL_CHANNEL && p.status === 'REQUESTED' ? 'Chờ ghi nhận sản phẩm trực quan (ảnh, nơi đặt, số lượng). ' : '',
          p.reason || '', p.attempt > 1 ? ` (lần thử ${num(p.attempt)})` : '',
          p.nextTryAt && p.status === 'REQUESTED' ? ` Thử lại lúc ${dateTime(p.nextTryAt)}.` : '',
          p.retractedAt ? ` Gỡ lúc ${dateTime(p.retractedAt)}.` : ''),
        h('td', {}, writer && p.status === 'FAILED' ? action(h('button', {
          type: 'button', class: 'small', id: `publication-retry-${p.channel}`, dataset: { testid: 'publication-retry', channel: p.channel },
          'aria-label': `Thử đăng lại trên ${channelName(p.channel, offered, item.tenantId)}`,
        }, 'Thử lại'), async () => {
          changed(await post(paths.contentRetry(item.id, p.channel)));
          notice('Đã gửi lại yêu cầu đăng.');
        }, area) : null)))))));
  return area;
}

function attachmentsSection(item, canUpload, changed) {
  const area = h('section', { class: 'card', 'aria-labelledby': 'att-title', dataset: { testid: 'attachments' } });
  const file = h('input', { type: 'file', id: 'content-attachment-file', dataset: { testid: 'content-attachment-file' },
    accept: 'image/jpeg,image/png,image/webp,image/gif,application/pdf,.docx,audio/mpeg,audio/ogg' });
  const send = h('button', { type: 'submit', id: 'content-attachment-upload', dataset: { testid: 'content-attachment-upload' } }, 'Tải lên');
  const form = canUpload ? h('form', { class: 'form inline', novalidate: true },
    field('Thêm tệp (ảnh, âm thanh, PDF, Word; tối đa 10 MB)', 'file', file), h('div', { class: 'actions' }, send)) : null;
  if (form) {
    onSubmit(form, send, async () => {
      if (!file.files.length) throw { title: 'Chưa chọn tệp', detail: 'Vui lòng chọn tệp cần tải lên.', errors: [] };
      changed(await upload(paths.contentAttachments(item.id), file.files[0]));
      notice('Đã tải tệp lên.');
    });
  }
  const files = item.attachments || [];
  mount(area, h('h2', { id: 'att-title' }, `Tệp đính kèm (${num(files.length)})`),
    files.length === 0 ? h('p', {}, 'Chưa có tệp nào.') : h('ul', { class: 'files' }, files.map((a) => {
      const b = h('button', { type: 'button', class: 'link-button', dataset: { testid: 'attachment-download' } },
        `${a.fileName} (${a.mediaType || 'tệp'}, ${num(Math.ceil((a.size || 0) / 1024))} KB)`);
      if (a.url && a.url.startsWith('/api/')) {
        action(b, () => download(a.url, a.fileName), area);
        return h('li', {}, b, a.source ? ` — do kênh ${asUnit(label(CHANNELS, a.source), item.tenantId)} tạo` : '');
      }
      return h('li', {}, h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, a.fileName),
        a.source ? ` — do kênh ${asUnit(label(CHANNELS, a.source), item.tenantId)} tạo` : '');
    })),
    form);
  return area;
}

function historySection(item) {
  const steps = item.history || [];
  return h('details', { class: 'card' }, h('summary', {}, `Lịch sử xử lý (${num(steps.length)})`),
    h('ol', { class: 'history' }, steps.map((t) => h('li', {},
      `${dateTime(t.at)} — ${t.by || 'hệ thống'}: ${t.from ? `${label(CONTENT_STATUS, t.from)} → ` : ''}${label(CONTENT_STATUS, t.to)}`,
      t.why ? ` (${t.why})` : ''))));
}

// ---- activities ----

export async function activitiesPage(main, ctx) {
  const { who, query } = ctx;
  const page = Math.max(0, Number(query.get('page') || 0));
  const result = await get(paths.activities({ page, size: PAGE_SIZE }));
  if (!ctx.current()) return;
  const pages = Math.max(1, Math.ceil((result.total || 0) / PAGE_SIZE));
  mount(main,
    pageTitle('Hoạt động đã tổ chức', h('div', { class: 'actions' },
      canWrite(who) ? h('a', { class: 'button primary', href: '#/hoat-dong/moi', id: 'activity-new-link', dataset: { testid: 'activity-new-link' } }, 'Ghi nhận hoạt động') : null,
      h('a', { class: 'button', href: '#/tin-bai' }, 'Về tin, bài'))),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'activity-list', dataset: { testid: 'activity-list' } },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Ngày'), h('th', { scope: 'col' }, 'Hoạt động'),
        h('th', { scope: 'col' }, 'Hình thức'), h('th', { scope: 'col' }, 'Địa điểm'), h('th', { scope: 'col', class: 'num' }, 'Người tham dự'),
        h('th', { scope: 'col' }, 'Trạng thái'))),
      h('tbody', {}, (result.items || []).length === 0 ? emptyRow(6, 'Chưa ghi nhận hoạt động nào.') : result.items.map((a) => h('tr', {
        dataset: { testid: 'activity-row', id: a.id },
      },
        h('td', {}, date(a.heldOn)),
        h('td', {}, h('a', { href: `#/hoat-dong/${encodeURIComponent(a.id)}`, dataset: { testid: 'activity-link' } }, a.title),
          who.isCommune ? '' : ` — ${nameOf(a.tenantId)}`),
        h('td', {}, label(ACTIVITY_KINDS, a.kind)),
        h('td', {}, a.place || '—'),
        h('td', { class: 'num' }, num(a.participants)),
        h('td', {}, activityState(a))))))),
    pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Phân trang' },
      page > 0 ? h('a', { href: `#/hoat-dong?page=${page - 1}`, class: 'button' }, 'Trang trước') : null,
      h('span', {}, `Trang ${num(page + 1)}/${num(pages)}`),
      page + 1 < pages ? h('a', { href: `#/hoat-dong?page=${page + 1}`, class: 'button' }, 'Trang sau') : null) : null);
}

export async function activityPage(main, ctx) {
  const tasks = await liveTasks();
  if (!ctx.current()) return;
  const inputs = {
    kind: select({ dataset: { testid: 'activity-kind' } }, options(ACTIVITY_KINDS), 'DIALOGUE'),
    title: h('input', { type: 'text', required: true, dataset: { testid: 'activity-title' } }),
    summary: h('textarea', { rows: 3, dataset: { testid: 'activity-summary' } }),
    heldOn: h('input', { type: 'text', inputmode: 'numeric', placeholder: 'dd/MM/yyyy', dataset: { testid: 'activity-held-on' } }),
    place: h('input', { type: 'text', dataset: { testid: 'activity-place' } }),
    participants: h('input', { type: 'number', min: 0, step: 1, dataset: { testid: 'activity-participants' } }),
    themes: h('input', { type: 'text', dataset: { testid: 'activity-themes' } }),
    unit: h('input', { type: 'text', dataset: { testid: 'activity-unit' } }),
  };
  const save = h('button', { type: 'submit', class: 'primary', id: 'activity-save', dataset: { testid: 'activity-save' } }, 'Ghi nhận');
  const form = h('form', { class: 'form', id: 'activity-form', novalidate: true },
    h('div', { class: 'row' }, field('Hình thức', 'kind', inputs.kind), field('Ngày tổ chức', 'heldOn', inputs.heldOn, 'dd/MM/yyyy')),
    field('Tên hoạt động', 'title', inputs.title),
    field('Tóm tắt kết quả', 'summary', inputs.summary),
    h('div', { class: 'row' }, field('Địa điểm', 'place', inputs.place), field('Số người tham dự', 'participants', inputs.participants)),
    h('div', { class: 'row' }, field('Chủ đề', 'themes', inputs.themes, 'Cách nhau bởi dấu phẩy'), field('Đơn vị tổ chức', 'unit', inputs.unit)),
    checkboxes('Phục vụ nhiệm vụ (không bắt buộc)', 'taskIds', taskOptions(tasks), [], 'activity-task'),
    h('div', { class: 'actions' }, save, h('a', { class: 'button', href: '#/hoat-dong' }, 'Hủy')));
  onSubmit(form, save, async () => {
    const heldOn = isoDate(inputs.heldOn.value);
    if (heldOn === undefined) {
      throw { title: 'Ngày chưa hợp lệ', detail: 'Vui lòng nhập ngày tổ chức theo dạng dd/MM/yyyy.',
        errors: [{ field: 'heldOn', message: 'Ví dụ: 15/10/2025.' }] };
    }
    const saved = await post(paths.activities(), {
      kind: inputs.kind.value,
      title: inputs.title.value.trim(),
      summary: inputs.summary.value.trim() || null,
      heldOn,
      place: inputs.place.value.trim() || null,
      participants: inputs.participants.value === '' ? null : Number(inputs.participants.value),
      themes: list(inputs.themes.value),
      taskIds: checkedValues(form, 'taskIds'),
      unit: inputs.unit.value.trim() || null,
    });
    notice('Đã ghi nhận hoạt động. Bạn có thể thêm biên bản, ảnh làm minh chứng.');
    ctx.navigate(`#/hoat-dong/${encodeURIComponent(saved.id)}`);
  });
  mount(main, pageTitle('Ghi nhận hoạt động đã tổ chức'),
    h('p', {}, 'Đối thoại, hội nghị, tọa đàm, cuộc thi, tập huấn đã tổ chức: ghi nhận để tính cho nhiệm vụ và đưa vào báo cáo.'),
    form);
  inputs.title.focus();
}

// ---- one activity: what was held, where, with whom, its minutes and photos; withdrawn with a reason ----

function activityState(a) {
  return a.status === 'WITHDRAWN' ? `Đã rút${a.withdrawalReason ? `: ${a.withdrawalReason}` : ''}` : 'Đã tổ chức';
}

export async function activityDetailPage(main, ctx) {
  const [id] = ctx.params;
  const { who } = ctx;
  let activity = await get(paths.activity(id));
  let tasks = await taskNames(activity.taskIds);
  if (!ctx.current()) return undefined;
  const photos = new Map(); // attachment id → blob URL, read once with the token

  const changed = async (fresh) => {
    activity = fresh;
    forget(paths.activity(id));
    tasks = await taskNames(activity.taskIds);
    if (ctx.current()) render();
  };

  const render = () => {
    const writer = who.isCommune && who.tenant === activity.tenantId && canWrite(who);
    const held = activity.status !== 'WITHDRAWN';
    const panel = h('div', { id: 'activity-action-panel' });
    const actions = h('div', { class: 'actions', id: 'activity-actions' },
      h('a', { class: 'button', href: '#/hoat-dong' }, 'Về danh sách hoạt động'));
    if (writer && held) {
      actions.appendChild(h('button', {
        type: 'button', class: 'danger', id: 'activity-withdraw-open', dataset: { testid: 'activity-withdraw-open' },
        onclick: () => openWithdraw(panel),
      }, 'Rút hoạt động'));
    }
    mount(main,
      pageTitle(activity.title, actions),
      panel,
      h('dl', { class: 'facts', dataset: { testid: 'activity-facts' } },
        h('dt', {}, 'Trạng thái'), h('dd', { id: 'activity-status', dataset: { testid: 'activity-status', status: activity.status || '' } },
          held ? 'Đã tổ chức' : 'Đã rút'),
        !held ? [h('dt', {}, 'Lý do rút'), h('dd', { dataset: { testid: 'activity-withdrawal' } },
          `${activity.withdrawalReason || 'Không nêu lý do'} (${activity.withdrawnBy || '—'}, ${dateTime(activity.withdrawnAt)})`)] : null,
        h('dt', {}, 'Hình thức'), h('dd', {}, label(ACTIVITY_KINDS, activity.kind)),
        !(who.isCommune && who.tenant === activity.tenantId) ? [h('dt', {}, 'Xã, phường'), h('dd', {}, nameOf(activity.tenantId))] : null,
        h('dt', {}, 'Ngày tổ chức'), h('dd', {}, date(activity.heldOn)),
        h('dt', {}, 'Địa điểm'), h('dd', {}, activity.place || '—'),
        h('dt', {}, 'Số người tham dự'), h('dd', { dataset: { testid: 'activity-participants-view' } }, num(activity.participants)),
        h('dt', {}, 'Đơn vị tổ chức'), h('dd', {}, activity.unit || '—'),
        h('dt', {}, 'Chủ đề'), h('dd', {}, (activity.themes || []).join(', ') || '—'),
        h('dt', {}, 'Nhiệm vụ'), h('dd', {}, taskLinks(activity.taskIds, tasks, 'Tự khớp theo loại và kỳ')),
        h('dt', {}, 'Người ghi nhận'), h('dd', {}, `${activity.recordedBy || '—'}, ${dateTime(activity.recordedAt)}`)),
      h('section', { class: 'card', 'aria-labelledby': 'activity-summary-title' },
        h('h2', { id: 'activity-summary-title' }, 'Kết quả, biên bản tóm tắt'),
        h('p', { class: 'summary', dataset: { testid: 'activity-summary-view' } }, activity.summary || 'Chưa ghi tóm tắt kết quả.')),
      activityFiles(activity, writer && held, changed, photos));
    refocus(main);
  };

  function openWithdraw(panel) {
    const reason = h('textarea', { rows: 3, required: true, maxlength: 500, id: 'activity-withdraw-reason',
      dataset: { testid: 'activity-withdraw-reason' } });
    const go = h('button', { type: 'submit', class: 'danger', id: 'activity-withdraw', dataset: { testid: 'activity-withdraw' } },
      'Rút hoạt động');
    const form = h('form', { class: 'form card', novalidate: true }, h('h2', {}, 'Rút hoạt động ghi nhận sai'),
      h('p', {}, 'Hoạt động sẽ không còn được tính cho nhiệm vụ nào; bản ghi và lý do vẫn được lưu lại.'),
      field('Lý do rút', 'reason', reason), h('div', { class: 'actions' }, go));
    onSubmit(form, go, async () => {
      if (!reason.value.trim()) {
        throw { title: 'Chưa nêu lý do', detail: 'Vui lòng nêu lý do rút hoạt động.',
          errors: [{ field: 'reason', message: 'Ví dụ: ghi nhận trùng với hoạt động đã có.' }] };
      }
      const fresh = await post(paths.activityRetract(activity.id), { reason: reason.value.trim() });
      notice('Đã rút hoạt động.');
      await changed(fresh);
    });
    mount(panel, form);
    reason.focus();
  }

  render();
  return () => {
    for (const url of photos.values()) URL.revokeObjectURL(url);
  };
}

/** Minutes and photos of an activity: photos shown (read with the token), every file downloadable; upload while held. */
function activityFiles(activity, canUpload, changed, photos) {
  const area = h('section', { class: 'card', 'aria-labelledby': 'activity-files-title', dataset: { testid: 'activity-attachments' } });
  const file = h('input', { type: 'file', id: 'activity-attachment-file', dataset: { testid: 'activity-attachment-file' },
    accept: 'image/jpeg,image/png,image/webp,image/gif,application/pdf,.docx' });
  const send = h('button', { type: 'submit', id: 'activity-attachment-upload', dataset: { testid: 'activity-attachment-upload' } }, 'Tải lên');
  const form = canUpload ? onSubmit(h('form', { class: 'form inline', novalidate: true },
    field('Thêm biên bản, ảnh (ảnh, PDF, Word; tối đa 10 MB)', 'file', file), h('div', { class: 'actions' }, send)), send, async () => {
    if (!file.files.length) throw { title: 'Chưa chọn tệp', detail: 'Vui lòng chọn tệp cần tải lên.', errors: [] };
    await changed(await upload(paths.activityAttachments(activity.id), file.files[0]));
    notice('Đã tải tệp lên.');
  }) : null;
  const files = activity.attachments || [];
  const images = files.filter((a) => String(a.mediaType).startsWith('image/'));
  const gallery = h('ul', { class: 'photos', dataset: { testid: 'activity-photos' } });
  mount(area, h('h2', { id: 'activity-files-title' }, `Biên bản, ảnh (${num(files.length)})`),
    files.length === 0 ? h('p', {}, 'Chưa có tệp nào.') : [
      images.length ? gallery : null,
      h('ul', { class: 'files' }, files.map((a) => h('li', {}, action(h('button', {
        type: 'button', class: 'link-button', dataset: { testid: 'activity-attachment-download' },
      }, `${a.fileName} (${a.mediaType || 'tệp'}, ${num(Math.ceil((a.size || 0) / 1024))} KB)`), () => download(a.url, a.fileName), area))))],
    form);
  for (const a of images) {
    const img = h('img', { alt: a.fileName, loading: 'lazy' });
    gallery.appendChild(h('li', {}, img));
    const known = photos.get(a.id);
    if (known) {
      img.src = known;
      continue;
    }
    request(a.url, { raw: true, accept: 'image/*' }).then((res) => res.blob()).then((blob) => {
      const url = URL.createObjectURL(blob);
      photos.set(a.id, url);
      img.src = url;
    }).catch(() => { img.alt = `${a.fileName} (không tải được ảnh)`; });
  }
  return area;
}
