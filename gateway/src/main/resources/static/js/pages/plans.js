// Kế hoạch: list, create, import from Word, the annex of tasks (add, edit, remove while a draft), issue (leader).

import { get, post, put, del, upload, paths } from '../api.js';
import {
  h, mount, refocus, pageTitle, field, checkboxes, checkedValues, select, options, action, onSubmit, notice,
  date, dateTime, num, isoDate, isoMonth, month, lines, list, label, statusBadge, emptyRow, quotaText,
  PLAN_STATUS, PRODUCT_KINDS, CHANNELS, QUOTA_PER,
} from '../ui.js';
import { nameOf } from '../places.js';

const CONTENT_FIELDS = ['number', 'title', 'place', 'issuedOn', 'period', 'basis', 'purposes', 'requirements',
  'targets', 'themes', 'forms', 'budget', 'duties', 'recipients', 'signer', 'otherSections', 'closing', 'annexTitle'];

function canDraft(who) {
  return who.isCommune && (who.has('EDITOR') || who.has('LEADER') || who.has('ADMIN'));
}

export async function listPage(main, ctx) {
  const { who } = ctx;
  const plans = await get(paths.plans());
  if (!ctx.current()) return;
  const head = pageTitle('Kế hoạch',
    canDraft(who) ? h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: '#/ke-hoach/moi', id: 'plan-create-link', dataset: { testid: 'plan-create-link' } },
        'Tạo kế hoạch'),
      h('a', { class: 'button', href: '#/ke-hoach/nhap', id: 'plan-import-link', dataset: { testid: 'plan-import-link' } },
        'Nhập từ tệp Word')) : null);
  const province = !who.isCommune;
  mount(main, head,
    h('div', { class: 'table-wrap' },
      h('table', { class: 'data', id: 'plan-list', dataset: { testid: 'plan-list' } },
        h('caption', { class: 'visually-hidden' }, 'Danh sách kế hoạch'),
        h('thead', {}, h('tr', {},
          province ? h('th', { scope: 'col' }, 'Xã, phường') : null,
          h('th', { scope: 'col' }, 'Số, ký hiệu'), h('th', { scope: 'col' }, 'Trích yếu'),
          h('th', { scope: 'col' }, 'Thời gian'), h('th', { scope: 'col' }, 'Trạng thái'),
          h('th', { scope: 'col', class: 'num' }, 'Nhiệm vụ'), h('th', { scope: 'col' }, 'Cập nhật'))),
        h('tbody', {}, plans.length === 0 ? emptyRow(province ? 7 : 6, 'Chưa có kế hoạch nào.')
          : plans.map((p) => h('tr', { dataset: { testid: 'plan-row', id: p.id } },
            province ? h('td', {}, nameOf(p.tenantId)) : null,
            h('td', {}, p.number || '—'),
            h('td', {}, h('a', { href: `#/ke-hoach/${encodeURIComponent(p.id)}`, dataset: { testid: 'plan-link' } },
              p.title || '(chưa có trích yếu)')),
            h('td', {}, p.period ? `${date(p.period.from)} – ${date(p.period.to)}` : '—'),
            h('td', {}, statusBadge(PLAN_STATUS, p.status)),
            h('td', { class: 'num' }, num(p.taskCount)),
            h('td', {}, dateTime(p.updated?.at))))))));
}

// ---- create / edit the plan's own fields ----

function planForm(plan, onSave, submitText) {
  const v = plan || {};
  const inputs = {
    number: h('input', { type: 'text', value: v.number || '', placeholder: 'Ví dụ: 21/KH-UBND', dataset: { testid: 'plan-number' } }),
    title: h('textarea', { rows: 2, required: true, dataset: { testid: 'plan-title' } }, v.title || ''),
    place: h('input', { type: 'text', value: v.place || '', dataset: { testid: 'plan-place' } }),
    issuedOn: h('input', { type: 'text', inputmode: 'numeric', placeholder: 'dd/MM/yyyy', value: v.issuedOn ? date(v.issuedOn) : '', dataset: { testid: 'plan-issued-on' } }),
    from: h('input', { type: 'text', inputmode: 'numeric', placeholder: 'dd/MM/yyyy', value: v.period?.from ? date(v.period.from) : '', dataset: { testid: 'plan-period-from' } }),
    to: h('input', { type: 'text', inputmode: 'numeric', placeholder: 'dd/MM/yyyy', value: v.period?.to ? date(v.period.to) : '', dataset: { testid: 'plan-period-to' } }),
    targets: h('textarea', { rows: 4, dataset: { testid: 'plan-targets' } }, (v.targets || []).join('\n')),
    themes: h('textarea', { rows: 4, dataset: { testid: 'plan-themes' } }, (v.themes || []).join('\n')),
    forms: h('textarea', { rows: 3, dataset: { testid: 'plan-forms' } }, (v.forms || []).join('\n')),
    budget: h('textarea', { rows: 2, dataset: { testid: 'plan-budget' } }, v.budget || ''),
  };
  const submit = h('button', { type: 'submit', class: 'primary', id: 'plan-save', dataset: { testid: 'plan-save' } }, submitText);
  const form = h('form', { class: 'form', id: 'plan-form', novalidate: true },
    field('Số, ký hiệu', 'number', inputs.number),
    field('Trích yếu (tên kế hoạch)', 'title', inputs.title),
    h('div', { class: 'row' },
      field('Địa danh', 'place', inputs.place),
      field('Ngày ban hành', 'issuedOn', inputs.issuedOn, 'Theo dạng dd/MM/yyyy')),
    h('div', { class: 'row' },
      field('Thời gian thực hiện từ ngày', 'period.from', inputs.from, 'dd/MM/yyyy'),
      field('đến ngày', 'period.to', inputs.to, 'dd/MM/yyyy')),
    field('Chỉ tiêu cụ thể', 'targets', inputs.targets, 'Mỗi dòng một chỉ tiêu'),
    field('Nội dung tuyên truyền', 'themes', inputs.themes, 'Mỗi dòng một nội dung'),
    field('Hình thức tuyên truyền', 'forms', inputs.forms, 'Mỗi dòng một hình thức'),
    field('Kinh phí', 'budget', inputs.budget),
    h('div', { class: 'actions' }, submit));
  onSubmit(form, submit, async () => {
    const errors = [];
    const issuedOn = isoDate(inputs.issuedOn.value);
    const from = isoDate(inputs.from.value);
    const to = isoDate(inputs.to.value);
    if (issuedOn === undefined) errors.push({ field: 'issuedOn', message: 'Ngày ban hành phải theo dạng dd/MM/yyyy.' });
    if (from === undefined) errors.push({ field: 'period.from', message: 'Ngày bắt đầu phải theo dạng dd/MM/yyyy.' });
    if (to === undefined) errors.push({ field: 'period.to', message: 'Ngày kết thúc phải theo dạng dd/MM/yyyy.' });
    if (!inputs.title.value.trim()) errors.push({ field: 'title', message: 'Vui lòng nhập trích yếu của kế hoạch.' });
    if (errors.length) throw { title: 'Thông tin chưa hợp lệ', detail: 'Vui lòng sửa các trường được đánh dấu.', errors };
    const content = {};
    for (const k of CONTENT_FIELDS) if (v[k] !== undefined) content[k] = v[k];
    Object.assign(content, {
      number: inputs.number.value.trim() || null,
      title: inputs.title.value.trim(),
      place: inputs.place.value.trim() || null,
      issuedOn,
      period: from || to ? { from, to } : null,
      targets: lines(inputs.targets.value),
      themes: lines(inputs.themes.value),
      forms: lines(inputs.forms.value),
      budget: inputs.budget.value.trim() || null,
    });
    await onSave(content);
  });
  return form;
}

export async function createPage(main, ctx) {
  mount(main, pageTitle('Tạo kế hoạch'),
    h('p', {}, 'Kế hoạch mới là dự thảo: sau khi lưu, thêm các nhiệm vụ của phụ lục rồi trình lãnh đạo ban hành.'),
    planForm(null, async (content) => {
      const plan = await post(paths.plans(), content);
      notice('Đã lưu dự thảo kế hoạch.');
      ctx.navigate(`#/ke-hoach/${encodeURIComponent(plan.id)}`);
    }, 'Lưu dự thảo'));
}

// ---- import from Word ----

export async function importPage(main, ctx) {
  const file = h('input', { type: 'file', accept: '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document', required: true,
    id: 'plan-import-file', dataset: { testid: 'plan-import-file' } });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'plan-import-submit', dataset: { testid: 'plan-import-submit' } },
    'Nhập kế hoạch');
  const result = h('div', { id: 'plan-import-result', dataset: { testid: 'plan-import-result' }, 'aria-live': 'polite' });
  const form = h('form', { class: 'form', novalidate: true },
    field('Tệp Word của kế hoạch (.docx, tối đa 10 MB)', 'file', file),
    h('div', { class: 'actions' }, submit));
  onSubmit(form, submit, async () => {
    mount(result);
    if (!file.files.length) {
      throw { title: 'Chưa chọn tệp', detail: 'Vui lòng chọn tệp .docx của kế hoạch.', errors: [{ field: 'file', message: 'Vui lòng chọn tệp.' }] };
    }
    mount(result, h('p', { class: 'loading', role: 'status' }, 'Đang đọc tệp…'));
    let imported;
    try {
      imported = await upload(paths.planImport(), file.files[0]);
    } finally {
      mount(result);
    }
    const plan = imported.plan;
    mount(result,
      h('div', { class: 'notice', role: 'status' },
        `Đã tạo dự thảo "${plan.title || plan.number || 'kế hoạch'}" với ${num(plan.tasks?.length || 0)} nhiệm vụ.`),
      importNotes(imported.problems || []),
      h('p', {}, h('a', { class: 'button primary', href: `#/ke-hoach/${encodeURIComponent(plan.id)}`, id: 'plan-import-open',
        dataset: { testid: 'plan-import-open' } }, 'Mở dự thảo để kiểm tra')));
  });
  mount(main, pageTitle('Nhập kế hoạch từ tệp Word'),
    h('p', {}, 'Loa đọc số, ký hiệu, trích yếu, các mục của kế hoạch và bảng phụ lục nhiệm vụ, rồi tạo một dự thảo. '
      + 'Những phần không đọc được sẽ được liệt kê để bạn kiểm tra và sửa.'),
    form, result);
}

function importNotes(notes) {
  if (!notes || notes.length === 0) {
    return h('p', { dataset: { testid: 'import-notes-none' } }, 'Không có phần nào cần kiểm tra thêm.');
  }
  return h('section', { class: 'import-notes', 'aria-labelledby': 'import-notes-title', dataset: { testid: 'import-notes' } },
    h('h2', { id: 'import-notes-title' }, `Cần kiểm tra (${num(notes.length)})`),
    h('ul', {}, notes.map((n) => h('li', { dataset: { testid: 'import-note' } },
      n.where ? h('strong', {}, `${n.where}: `) : null,
      n.message,
      n.text ? h('q', { class: 'quote' }, n.text) : null))));
}

// ---- one plan: fields, annex tasks, issue ----

export async function detailPage(main, ctx) {
  const [id] = ctx.params;
  const { who } = ctx;
  let plan = await get(paths.plan(id));
  if (!ctx.current()) return;

  const render = () => {
    const draft = plan.status === 'DRAFT';
    const mine = who.isCommune && who.tenant === plan.tenantId;
    const editable = draft && mine && canDraft(who);
    const actions = h('div', { class: 'actions' });
    if (editable) {
      const editButton = h('button', { type: 'button', id: 'plan-edit', dataset: { testid: 'plan-edit' } }, 'Sửa thông tin kế hoạch');
      editButton.addEventListener('click', () => {
        mount(editArea, h('h2', {}, 'Sửa thông tin kế hoạch'), planForm(plan, async (content) => {
          plan = await put(paths.plan(plan.id), content);
          notice('Đã lưu thông tin kế hoạch.');
          render();
        }, 'Lưu thay đổi'));
        editArea.querySelector('textarea, input')?.focus();
      });
      actions.appendChild(editButton);
    }
    if (draft && mine && who.has('LEADER')) {
      actions.appendChild(action(h('button', { type: 'button', class: 'primary', id: 'plan-issue', dataset: { testid: 'plan-issue' } },
        'Ban hành kế hoạch'), async () => {
        if (!confirm('Ban hành kế hoạch này? Sau khi ban hành, các nhiệm vụ bắt đầu được theo dõi và không sửa trực tiếp được nữa.')) return;
        plan = await post(paths.planIssue(plan.id));
        notice('Đã ban hành kế hoạch.');
        render();
      }, main));
    }
    if (!draft) {
      actions.appendChild(h('a', { class: 'button', href: `#/nhiem-vu?plan=${encodeURIComponent(plan.id)}`, id: 'plan-board-link',
        dataset: { testid: 'plan-board-link' } }, 'Xem tiến độ nhiệm vụ'));
    }
    const editArea = h('div', { id: 'plan-edit-area' });
    const taskArea = h('section', { 'aria-labelledby': 'tasks-title', class: 'card' });
    mount(main,
      pageTitle(plan.title || 'Kế hoạch', actions),
      h('dl', { class: 'facts', dataset: { testid: 'plan-facts' } },
        fact('Số, ký hiệu', plan.number || '—'),
        fact('Trạng thái', statusBadge(PLAN_STATUS, plan.status)),
        fact('Xã, phường', nameOf(plan.tenantId)),
        fact('Ngày ban hành', date(plan.issuedOn)),
        fact('Thời gian thực hiện', plan.period ? `${date(plan.period.from)} – ${date(plan.period.to)}` : '—'),
        fact('Phiên bản', num(plan.version)),
        plan.issued ? fact('Ban hành bởi', `${plan.issued.by}, ${dateTime(plan.issued.at)}`) : null),
      draft && plan.importNotes?.length ? importNotes(plan.importNotes) : null,
      editArea,
      listSection('Chỉ tiêu cụ thể', plan.targets),
      listSection('Nội dung tuyên truyền', plan.themes),
      listSection('Hình thức tuyên truyền', plan.forms),
      taskArea);
    renderTasks(taskArea, plan, editable, (updated) => { plan = updated; render(); });
    refocus(main);
  };
  render();
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function listSection(title, items) {
  if (!items || items.length === 0) return null;
  return h('details', { class: 'card' }, h('summary', {}, `${title} (${num(items.length)})`),
    h('ul', {}, items.map((t) => h('li', {}, t))));
}

function renderTasks(area, plan, editable, changed) {
  const tasks = (plan.tasks || []).slice().sort((a, b) => a.order - b.order);
  const formArea = h('div', { id: 'task-form-area' });
  const addButton = editable ? h('button', { type: 'button', class: 'primary', id: 'task-add', dataset: { testid: 'task-add' } },
    'Thêm nhiệm vụ') : null;
  addButton?.addEventListener('click', () => openTaskForm(formArea, plan, null, changed));
  mount(area,
    h('h2', { id: 'tasks-title' }, plan.annexTitle || 'Danh mục nhiệm vụ cụ thể'),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'data', id: 'annex-tasks', dataset: { testid: 'annex-tasks' } },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'num' }, 'STT'), h('th', { scope: 'col' }, 'Nhiệm vụ'),
          h('th', { scope: 'col' }, 'Chủ trì'), h('th', { scope: 'col' }, 'Sản phẩm'),
          h('th', { scope: 'col' }, 'Kênh'), h('th', { scope: 'col' }, 'Chỉ tiêu'), h('th', { scope: 'col' }, 'Thời hạn'),
          editable ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Thao tác')) : null)),
        h('tbody', {}, tasks.length === 0 ? emptyRow(editable ? 8 : 7, 'Chưa có nhiệm vụ nào.') : tasks.map((t, i) => {
          const withdrawn = t.state === 'WITHDRAWN';
          return h('tr', { class: withdrawn ? 'withdrawn' : '', dataset: { testid: 'annex-task', id: t.id } },
            h('td', { class: 'num' }, num(i + 1)),
            h('td', {}, t.title, withdrawn ? h('span', { class: 'badge' }, ' (đã rút)') : null),
            h('td', {}, t.leadUnit || '—'),
            h('td', {}, (t.productKinds || []).map((k) => label(PRODUCT_KINDS, k)).join(', ') || '—'),
            h('td', {}, (t.channels || []).map((c) => label(CHANNELS, c)).join(', ') || '—'),
            h('td', {}, quotaText(t.quota)),
            h('td', {}, t.due ? [t.due.date ? date(t.due.date) : '', t.due.text ? ` ${t.due.text}` : ''] : '—'),
            editable ? h('td', { class: 'row-actions' },
              (() => {
                const b = h('button', { type: 'button', class: 'small', dataset: { testid: 'task-edit' } }, 'Sửa');
                b.setAttribute('aria-label', `Sửa nhiệm vụ ${i + 1}`);
                b.addEventListener('click', () => openTaskForm(formArea, plan, t, changed));
                return b;
              })(),
              action((() => {
                const b = h('button', { type: 'button', class: 'small danger', dataset: { testid: 'task-remove' } }, 'Xóa');
                b.setAttribute('aria-label', `Xóa nhiệm vụ ${i + 1}`);
                return b;
              })(), async () => {
                if (!confirm(`Xóa nhiệm vụ "${t.title}" khỏi dự thảo?`)) return;
                await del(paths.planTask(plan.id, t.id));
                changed(await get(paths.plan(plan.id)));
              }, area)) : null);
        })))),
    addButton ? h('div', { class: 'actions' }, addButton) : null,
    formArea);
}

function openTaskForm(area, plan, task, changed) {
  const t = task || {};
  const q = t.quota || {};
  const inputs = {
    title: h('textarea', { rows: 2, required: true, dataset: { testid: 'task-title' } }, t.title || ''),
    description: h('textarea', { rows: 2, dataset: { testid: 'task-description' } }, t.description || ''),
    leadUnit: h('input', { type: 'text', value: t.leadUnit || '', dataset: { testid: 'task-lead-unit' } }),
    coordinating: h('input', { type: 'text', value: (t.coordinatingUnits || []).join(', '), dataset: { testid: 'task-coordinating' } }),
    audience: h('input', { type: 'text', value: t.audience || '', dataset: { testid: 'task-audience' } }),
    scale: h('input', { type: 'text', value: t.scale || '', dataset: { testid: 'task-scale' } }),
    count: h('input', { type: 'number', min: 1, step: 1, value: q.count ?? '', dataset: { testid: 'task-quota-count' } }),
    per: select({ dataset: { testid: 'task-quota-per' } }, [{ value: '', label: '— không có chỉ tiêu —' }, ...options(QUOTA_PER)], q.per || ''),
    from: h('input', { type: 'text', placeholder: 'MM/yyyy', value: month(q.from), dataset: { testid: 'task-quota-from' } }),
    to: h('input', { type: 'text', placeholder: 'MM/yyyy', value: month(q.to), dataset: { testid: 'task-quota-to' } }),
    dueDate: h('input', { type: 'text', placeholder: 'dd/MM/yyyy', value: t.due?.date ? date(t.due.date) : '', dataset: { testid: 'task-due-date' } }),
    dueText: h('input', { type: 'text', value: t.due?.text || '', placeholder: 'Ví dụ: Định kỳ hằng tháng', dataset: { testid: 'task-due-text' } }),
  };
  const kinds = checkboxes('Sản phẩm', 'productKinds', options(PRODUCT_KINDS), t.productKinds, 'task-kind');
  const channels = checkboxes('Kênh đăng', 'channels', options(CHANNELS), t.channels, 'task-channel');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'task-save', dataset: { testid: 'task-save' } },
    task ? 'Lưu nhiệm vụ' : 'Thêm vào phụ lục');
  const cancel = h('button', { type: 'button', id: 'task-cancel' }, 'Hủy');
  cancel.addEventListener('click', () => mount(area));
  const form = h('form', { class: 'form card', id: 'task-form', novalidate: true },
    h('h3', {}, task ? `Sửa nhiệm vụ` : 'Nhiệm vụ mới'),
    field('Nhiệm vụ', 'title', inputs.title),
    field('Mô tả', 'description', inputs.description),
    h('div', { class: 'row' },
      field('Cơ quan chủ trì', 'leadUnit', inputs.leadUnit),
      field('Cơ quan phối hợp', 'coordinatingUnits', inputs.coordinating, 'Cách nhau bởi dấu phẩy')),
    kinds, channels,
    h('div', { class: 'row' },
      field('Đối tượng', 'audience', inputs.audience),
      field('Quy mô', 'scale', inputs.scale)),
    h('fieldset', { class: 'group' }, h('legend', {}, 'Chỉ tiêu'),
      h('div', { class: 'row' },
        field('Số lượng tối thiểu', 'quota.count', inputs.count),
        field('Mỗi', 'quota.per', inputs.per),
        field('Từ tháng', 'quota.from', inputs.from, 'MM/yyyy, để trống nếu theo thời gian kế hoạch'),
        field('Đến tháng', 'quota.to', inputs.to, 'MM/yyyy'))),
    h('div', { class: 'row' },
      field('Hạn hoàn thành', 'due.date', inputs.dueDate, 'dd/MM/yyyy'),
      field('Thời gian (theo văn bản)', 'due.text', inputs.dueText)),
    h('div', { class: 'actions' }, submit, cancel));
  onSubmit(form, submit, async () => {
    const errors = [];
    const from = isoMonth(inputs.from.value);
    const to = isoMonth(inputs.to.value);
    const dueDate = isoDate(inputs.dueDate.value);
    if (from === undefined) errors.push({ field: 'quota.from', message: 'Tháng phải theo dạng MM/yyyy, ví dụ 08/2025.' });
    if (to === undefined) errors.push({ field: 'quota.to', message: 'Tháng phải theo dạng MM/yyyy, ví dụ 12/2025.' });
    if (dueDate === undefined) errors.push({ field: 'due.date', message: 'Ngày phải theo dạng dd/MM/yyyy.' });
    if (errors.length) throw { title: 'Thông tin chưa hợp lệ', detail: 'Vui lòng sửa các trường được đánh dấu.', errors };
    const count = inputs.count.value === '' ? null : Number(inputs.count.value);
    const per = inputs.per.value || null;
    const body = {
      title: inputs.title.value.trim(),
      description: inputs.description.value.trim() || null,
      leadUnit: inputs.leadUnit.value.trim() || null,
      coordinatingUnits: list(inputs.coordinating.value),
      productKinds: checkedValues(form, 'productKinds'),
      channels: checkedValues(form, 'channels'),
      audience: inputs.audience.value.trim() || null,
      scale: inputs.scale.value.trim() || null,
      quota: count !== null || per ? { count, per, from, to } : null,
      due: dueDate || inputs.dueText.value.trim() ? { date: dueDate, text: inputs.dueText.value.trim() || null } : null,
    };
    if (task) await put(paths.planTask(plan.id, task.id), body);
    else await post(paths.planTasks(plan.id), body);
    notice(task ? 'Đã lưu nhiệm vụ.' : 'Đã thêm nhiệm vụ.');
    changed(await get(paths.plan(plan.id)));
  });
  mount(area, form);
  inputs.title.focus();
}
