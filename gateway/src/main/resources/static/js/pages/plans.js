// Kế hoạch: list, create, import from Word; one plan: every section shown and editable while a draft, the annex of
// tasks (add, edit, remove while a draft), issue, amend with a reason and close (leader), version history, Word file.

import { get, post, put, del, upload, download, paths } from '../api.js';
import {
  h, mount, refocus, pageTitle, field, checkboxes, checkedValues, select, options, action, onSubmit, notice,
  date, dateTime, num, isoDate, isoMonth, month, lines, label, statusBadge, emptyRow, quotaText,
  PLAN_STATUS, PRODUCT_KINDS, CHANNELS, QUOTA_PER,
} from '../ui.js';
import { nameOf, unitKind, asUnit } from '../places.js';

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

// ---- create / edit the plan's own fields: every section of the document ----

/** A channel's name on a plan page: the commune's portal says phường for a phường. */
function channelName(code, tenantId) {
  return asUnit(label(CHANNELS, code), tenantId);
}

const textLines = (testid, rows, items) => h('textarea', { rows, dataset: { testid } }, (items || []).join('\n'));

/**
 * A list of headed groups (duties: unit and its items; other sections: heading and items), each editable and
 * removable, with a button to add one. Returns {element, value()}.
 */
function groupsEditor(name, groups, headKey, headLabel, itemsLabel, addLabel, testid) {
  const box = h('div', { class: 'groups', dataset: { testid: `${testid}-list` } });
  const rows = [];
  const add = (g) => {
    const i = rows.length;
    const head = h('input', { type: 'text', value: g?.[headKey] || '', dataset: { testid: `${testid}-${headKey}` } });
    const items = textLines(`${testid}-items`, 3, g?.items);
    const remove = h('button', { type: 'button', class: 'small danger', dataset: { testid: `${testid}-remove` } }, 'Bỏ');
    const row = h('fieldset', { class: 'group', dataset: { testid } },
      h('legend', {}, `${headLabel} ${i + 1}`),
      field(headLabel, `${name}[${i}].${headKey}`, head),
      field(itemsLabel, `${name}[${i}].items`, items, 'Mỗi dòng một ý, giữ nguyên ký hiệu a), b), -'),
      h('div', { class: 'actions' }, remove));
    const entry = { row, head, items, removed: false };
    remove.addEventListener('click', () => { entry.removed = true; row.remove(); });
    rows.push(entry);
    box.appendChild(row);
    return entry;
  };
  (groups || []).forEach(add);
  const addButton = h('button', { type: 'button', dataset: { testid: `${testid}-add` } }, addLabel);
  addButton.addEventListener('click', () => add(null).head.focus());
  return {
    element: h('div', { class: 'field', dataset: { field: name } }, box, h('p', { class: 'field-error', hidden: true }),
      h('div', { class: 'actions' }, addButton)),
    value: () => rows.filter((r) => !r.removed)
      .map((r) => ({ [headKey]: r.head.value.trim(), items: lines(r.items.value) }))
      .filter((g) => g[headKey] || g.items.length),
  };
}

function planForm(plan, onSave, submitText) {
  const v = plan || {};
  const sg = v.signer || {};
  const inputs = {
    number: h('input', { type: 'text', value: v.number || '', placeholder: 'Ví dụ: 21/KH-UBND', dataset: { testid: 'plan-number' } }),
    title: h('textarea', { rows: 2, required: true, dataset: { testid: 'plan-title' } }, v.title || ''),
    place: h('input', { type: 'text', value: v.place || '', dataset: { testid: 'plan-place' } }),
    issuedOn: h('input', { type: 'text', inputmode: 'numeric', placeholder: 'dd/MM/yyyy', value: v.issuedOn ? date(v.issuedOn) : '', dataset: { testid: 'plan-issued-on' } }),
    from: h('input', { type: 'text', inputmode: 'numeric', placeholder: 'dd/MM/yyyy', value: v.period?.from ? date(v.period.from) : '', dataset: { testid: 'plan-period-from' } }),
    to: h('input', { type: 'text', inputmode: 'numeric', placeholder: 'dd/MM/yyyy', value: v.period?.to ? date(v.period.to) : '', dataset: { testid: 'plan-period-to' } }),
    basis: textLines('plan-basis', 3, v.basis),
    purposes: textLines('plan-purposes', 4, v.purposes),
    requirements: textLines('plan-requirements', 4, v.requirements),
    targets: textLines('plan-targets', 4, v.targets),
    themes: textLines('plan-themes', 4, v.themes),
    forms: textLines('plan-forms', 3, v.forms),
    budget: h('textarea', { rows: 2, dataset: { testid: 'plan-budget' } }, v.budget || ''),
    closing: h('textarea', { rows: 2, dataset: { testid: 'plan-closing' } }, v.closing || ''),
    recipients: textLines('plan-recipients', 4, v.recipients),
    authority: h('input', { type: 'text', value: sg.authority || '', placeholder: 'TM. ỦY BAN NHÂN DÂN', dataset: { testid: 'plan-signer-authority' } }),
    delegation: h('input', { type: 'text', value: sg.delegation || '', placeholder: 'KT. CHỦ TỊCH', dataset: { testid: 'plan-signer-delegation' } }),
    signerTitle: h('input', { type: 'text', value: sg.title || '', placeholder: 'PHÓ CHỦ TỊCH', dataset: { testid: 'plan-signer-title' } }),
    signerName: h('input', { type: 'text', value: sg.name || '', dataset: { testid: 'plan-signer-name' } }),
    annexTitle: h('textarea', { rows: 2, dataset: { testid: 'plan-annex-title' } }, v.annexTitle || ''),
  };
  const duties = groupsEditor('duties', v.duties, 'unit', 'Đơn vị', 'Nhiệm vụ của đơn vị', 'Thêm đơn vị', 'plan-duty');
  const others = groupsEditor('otherSections', v.otherSections, 'heading', 'Tên mục', 'Nội dung', 'Thêm mục khác', 'plan-section');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'plan-save', dataset: { testid: 'plan-save' } }, submitText);
  const part = (title, ...children) => h('fieldset', { class: 'group' }, h('legend', {}, title), children);
  const form = h('form', { class: 'form', id: 'plan-form', novalidate: true },
    part('Phần đầu văn bản',
      field('Số, ký hiệu', 'number', inputs.number),
      field('Trích yếu (tên kế hoạch)', 'title', inputs.title),
      h('div', { class: 'row' },
        field('Địa danh', 'place', inputs.place),
        field('Ngày ban hành', 'issuedOn', inputs.issuedOn, 'Theo dạng dd/MM/yyyy')),
      h('div', { class: 'row' },
        field('Thời gian thực hiện từ ngày', 'period.from', inputs.from, 'dd/MM/yyyy'),
        field('đến ngày', 'period.to', inputs.to, 'dd/MM/yyyy'))),
    part('Nội dung kế hoạch',
      field('Căn cứ ban hành', 'basis', inputs.basis, 'Mỗi dòng một văn bản căn cứ'),
      field('Mục đích', 'purposes', inputs.purposes, 'Mỗi dòng một ý'),
      field('Yêu cầu', 'requirements', inputs.requirements, 'Mỗi dòng một ý'),
      field('Chỉ tiêu cụ thể', 'targets', inputs.targets, 'Mỗi dòng một chỉ tiêu'),
      field('Nội dung tuyên truyền', 'themes', inputs.themes, 'Mỗi dòng một nội dung'),
      field('Hình thức tuyên truyền', 'forms', inputs.forms, 'Mỗi dòng một hình thức'),
      field('Kinh phí', 'budget', inputs.budget)),
    part('Các mục khác của văn bản', others.element),
    part('Tổ chức thực hiện (nhiệm vụ của các đơn vị)', duties.element),
    part('Phần cuối văn bản',
      field('Đoạn kết', 'closing', inputs.closing, 'Ví dụ: Trên đây là Kế hoạch …'),
      field('Nơi nhận', 'recipients', inputs.recipients, 'Mỗi dòng một nơi nhận, dòng cuối thường là "Lưu: VT, …"'),
      h('div', { class: 'row' },
        field('Thẩm quyền ký', 'signer.authority', inputs.authority),
        field('Ký thay', 'signer.delegation', inputs.delegation)),
      h('div', { class: 'row' },
        field('Chức vụ người ký', 'signer.title', inputs.signerTitle),
        field('Họ và tên người ký', 'signer.name', inputs.signerName)),
      field('Tên phụ lục', 'annexTitle', inputs.annexTitle, 'Ví dụ: DANH MỤC NHIỆM VỤ CỤ THỂ')),
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
    const text = (el) => el.value.trim() || null;
    const signer = { authority: text(inputs.authority), delegation: text(inputs.delegation), title: text(inputs.signerTitle), name: text(inputs.signerName) };
    const content = {};
    for (const k of CONTENT_FIELDS) if (v[k] !== undefined) content[k] = v[k];
    Object.assign(content, {
      number: text(inputs.number),
      title: inputs.title.value.trim(),
      place: text(inputs.place),
      issuedOn,
      period: from || to ? { from, to } : null,
      basis: lines(inputs.basis.value),
      purposes: lines(inputs.purposes.value),
      requirements: lines(inputs.requirements.value),
      targets: lines(inputs.targets.value),
      themes: lines(inputs.themes.value),
      forms: lines(inputs.forms.value),
      budget: text(inputs.budget),
      otherSections: others.value(),
      duties: duties.value(),
      closing: text(inputs.closing),
      recipients: lines(inputs.recipients.value),
      signer: Object.values(signer).some(Boolean) ? signer : null,
      annexTitle: text(inputs.annexTitle),
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

// ---- one plan: every section, annex tasks, issue, amend, close, history, Word file ----

export async function detailPage(main, ctx) {
  const [id] = ctx.params;
  const { who } = ctx;
  let plan = await get(paths.plan(id));
  if (!ctx.current()) return;

  const render = () => {
    const draft = plan.status === 'DRAFT';
    const live = plan.status === 'ISSUED' || plan.status === 'AMENDED';
    const mine = who.isCommune && who.tenant === plan.tenantId;
    const editable = draft && mine && canDraft(who);
    const leader = mine && who.has('LEADER');
    const actions = h('div', { class: 'actions' });
    const editArea = h('div', { id: 'plan-edit-area' });
    if (editable) {
      const editButton = h('button', { type: 'button', id: 'plan-edit', dataset: { testid: 'plan-edit' } }, 'Sửa nội dung kế hoạch');
      editButton.addEventListener('click', () => {
        mount(editArea, h('h2', {}, 'Sửa nội dung kế hoạch'), planForm(plan, async (content) => {
          plan = await put(paths.plan(plan.id), content);
          notice('Đã lưu nội dung kế hoạch.');
          render();
        }, 'Lưu thay đổi'));
        editArea.querySelector('textarea, input')?.focus();
      });
      actions.appendChild(editButton);
    }
    if (draft && leader) {
      actions.appendChild(action(h('button', { type: 'button', class: 'primary', id: 'plan-issue', dataset: { testid: 'plan-issue' } },
        'Ban hành kế hoạch'), async () => {
        if (!confirm('Ban hành kế hoạch này? Sau khi ban hành, các nhiệm vụ bắt đầu được theo dõi và không sửa trực tiếp được nữa.')) return;
        plan = await post(paths.planIssue(plan.id));
        notice('Đã ban hành kế hoạch.');
        render();
      }, main));
    }
    if (live && leader) {
      const amendButton = h('button', { type: 'button', class: 'primary', id: 'plan-amend', dataset: { testid: 'plan-amend' } }, 'Điều chỉnh kế hoạch');
      amendButton.addEventListener('click', () => amendForm(editArea, plan, (updated) => { plan = updated; render(); }));
      actions.appendChild(amendButton);
      actions.appendChild(action(h('button', { type: 'button', class: 'danger', id: 'plan-close', dataset: { testid: 'plan-close' } },
        'Đóng kế hoạch'), async () => {
        if (!confirm('Đóng kế hoạch này? Sau khi đóng, các nhiệm vụ không còn được ghi nhận kết quả và kế hoạch không điều chỉnh được nữa.')) return;
        plan = await post(paths.planClose(plan.id));
        notice('Đã đóng kế hoạch.');
        render();
      }, main));
    }
    const downloadState = h('span', { class: 'download-state', id: 'plan-download-state', dataset: { testid: 'plan-download-state' }, role: 'status' });
    actions.appendChild(action(h('button', { type: 'button', id: 'plan-download', dataset: { testid: 'plan-download' } },
      'Tải văn bản Word (.docx)'), async () => {
      const got = await download(paths.planDocument(plan.id), 'ke-hoach.docx');
      downloadState.textContent = `Đã tải ${got.name} (${num(Math.ceil(got.size / 1024))} KB).`;
    }, main));
    if (!draft) {
      actions.appendChild(h('a', { class: 'button', href: `#/nhiem-vu?plan=${encodeURIComponent(plan.id)}`, id: 'plan-board-link',
        dataset: { testid: 'plan-board-link' } }, 'Xem tiến độ nhiệm vụ'));
    }
    actions.appendChild(downloadState);
    const taskArea = h('section', { 'aria-labelledby': 'tasks-title', class: 'card' });
    mount(main,
      pageTitle(plan.title || 'Kế hoạch', actions),
      h('dl', { class: 'facts', dataset: { testid: 'plan-facts' } },
        fact('Số, ký hiệu', plan.number || '—'),
        fact('Trạng thái', statusBadge(PLAN_STATUS, plan.status)),
        fact(unitKind(plan.tenantId).replace(/^./, (c) => c.toUpperCase()), nameOf(plan.tenantId)),
        fact('Địa danh, ngày ban hành', `${plan.place || '—'}, ${plan.issuedOn ? date(plan.issuedOn) : '—'}`),
        fact('Thời gian thực hiện', plan.period ? `${date(plan.period.from)} – ${date(plan.period.to)}` : '—'),
        fact('Phiên bản', num(plan.version)),
        plan.issued ? fact('Ban hành', `${plan.issued.by}, ${dateTime(plan.issued.at)}`) : null,
        plan.closed ? fact('Đóng', `${plan.closed.by}, ${dateTime(plan.closed.at)}`) : null),
      draft && plan.importNotes?.length ? importNotes(plan.importNotes) : null,
      editArea,
      planSections(plan),
      taskArea,
      draft ? null : history(plan));
    renderTasks(taskArea, plan, editable, (updated) => { plan = updated; render(); });
    refocus(main);
  };
  render();
}

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

/** Every section of the document, in its order; an empty one says so. */
function planSections(plan) {
  const items = (testid, list) => (list && list.length
    ? h('ul', { dataset: { testid } }, list.map((t) => h('li', {}, t)))
    : h('p', { class: 'hint', dataset: { testid } }, 'Chưa có.'));
  const text = (testid, value) => (value
    ? h('div', { dataset: { testid } }, value.split('\n').map((l) => h('p', {}, l)))
    : h('p', { class: 'hint', dataset: { testid } }, 'Chưa có.'));
  const part = (title, testid, body) => h('section', { class: 'plan-part', dataset: { testid: 'plan-section', section: testid } },
    h('h3', {}, title), body);
  const sg = plan.signer || {};
  const signerLines = [sg.authority, sg.delegation, sg.title, sg.name].filter(Boolean);
  return h('section', { class: 'card plan-document', 'aria-labelledby': 'plan-document-title', dataset: { testid: 'plan-document' } },
    h('h2', { id: 'plan-document-title' }, 'Nội dung kế hoạch'),
    part('Căn cứ', 'basis', items('plan-view-basis', plan.basis)),
    part('Mục đích', 'purposes', items('plan-view-purposes', plan.purposes)),
    part('Yêu cầu', 'requirements', items('plan-view-requirements', plan.requirements)),
    part('Chỉ tiêu cụ thể', 'targets', items('plan-view-targets', plan.targets)),
    part('Nội dung tuyên truyền', 'themes', items('plan-view-themes', plan.themes)),
    part('Hình thức tuyên truyền', 'forms', items('plan-view-forms', plan.forms)),
    part('Kinh phí', 'budget', text('plan-view-budget', plan.budget)),
    (plan.otherSections || []).map((o) => part(o.heading || 'Mục khác', 'other', items('plan-view-other', o.items))),
    part('Tổ chức thực hiện', 'duties', plan.duties?.length
      ? h('ol', { dataset: { testid: 'plan-view-duties' } }, plan.duties.map((d) => h('li', { dataset: { testid: 'plan-view-duty' } },
        h('strong', {}, d.unit), d.items?.length ? h('ul', {}, d.items.map((t) => h('li', {}, t))) : null)))
      : h('p', { class: 'hint', dataset: { testid: 'plan-view-duties' } }, 'Chưa có.')),
    part('Đoạn kết', 'closing', text('plan-view-closing', plan.closing)),
    part('Nơi nhận', 'recipients', items('plan-view-recipients', plan.recipients)),
    part('Người ký', 'signer', signerLines.length
      ? h('p', { class: 'signer', dataset: { testid: 'plan-view-signer' } }, signerLines.flatMap((l, i) => (i ? [h('br'), l] : [l])))
      : h('p', { class: 'hint', dataset: { testid: 'plan-view-signer' } }, 'Chưa có.')));
}

/** Version history: the issue, each amendment (date, who, reason, tasks added / changed / withdrawn), the close. */
function history(plan) {
  const title = (taskId) => {
    const t = (plan.tasks || []).find((x) => x.id === taskId);
    return t ? `${num(t.order)}. ${t.title}` : taskId;
  };
  const names = (ids) => (ids && ids.length ? h('ul', {}, ids.map((i) => h('li', {}, title(i)))) : '—');
  const heads = ['Phiên bản', 'Ngày', 'Người thực hiện', 'Lý do, nội dung', 'Nhiệm vụ thêm', 'Nhiệm vụ sửa', 'Nhiệm vụ rút'];
  const testids = [null, null, null, 'history-reason', 'history-added', 'history-changed', 'history-withdrawn'];
  // each cell carries its column's name: at phone width a row reads as a small card (css: table.stacked)
  const row = (version, cells) => h('tr', { dataset: { testid: 'history-row', version } },
    cells.map((c, i) => h('td', { class: i === 0 ? 'num' : null, 'data-label': heads[i],
      dataset: testids[i] ? { testid: testids[i] } : {} }, c)));
  const rows = [];
  if (plan.issued) {
    rows.push(row('1', ['1', date(plan.issued.at), plan.issued.by, 'Ban hành kế hoạch',
      `${num((plan.tasks || []).filter((t) => t.sinceVersion === 1).length)} nhiệm vụ`, '—', '—']));
  }
  for (const a of plan.amendments || []) {
    rows.push(row(String(a.version), [num(a.version), date(a.stamp?.at), a.stamp?.by || '—', a.reason || '—',
      names(a.added), names(a.changed), names(a.withdrawn)]));
  }
  if (plan.closed) {
    rows.push(row('closed', [num(plan.version), date(plan.closed.at), plan.closed.by, 'Đóng kế hoạch', '—', '—', '—']));
  }
  return h('section', { class: 'card', 'aria-labelledby': 'history-title', dataset: { testid: 'plan-history' } },
    h('h2', { id: 'history-title' }, 'Lịch sử phiên bản'),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'data stacked', id: 'plan-history' },
        h('thead', {}, h('tr', {}, heads.map((t, i) => h('th', { scope: 'col', class: i === 0 ? 'num' : null }, t)))),
        h('tbody', {}, rows.length ? rows : emptyRow(7, 'Chưa có phiên bản nào.')))));
}

/**
 * The amendment of an issued plan: a reason, then tasks changed (the task form, kept here until sent), withdrawn
 * (a check box) or added; sent at once as one new version.
 */
function amendForm(area, plan, changed) {
  const pending = { added: [], changed: new Map() };
  const reason = h('textarea', { rows: 2, required: true, dataset: { testid: 'amend-reason' } });
  const taskForm = h('div', { id: 'amend-task-form' });
  const summary = h('ul', { dataset: { testid: 'amend-summary' }, 'aria-live': 'polite' });
  const active = (plan.tasks || []).filter((t) => t.state !== 'WITHDRAWN').sort((a, b) => a.order - b.order);
  const showSummary = () => mount(summary,
    [...pending.changed.values()].map((c) => h('li', {}, `Sửa nhiệm vụ: ${c.task.title}`)),
    pending.added.map((t) => h('li', {}, `Thêm nhiệm vụ: ${t.title}`)));
  const rows = active.map((t) => {
    const withdraw = h('input', { type: 'checkbox', value: t.id, name: 'withdrawn', id: `amend-withdraw-${t.id}`, dataset: { testid: 'amend-withdraw' } });
    const edit = h('button', { type: 'button', class: 'small', dataset: { testid: 'amend-edit-task' } }, 'Sửa');
    edit.setAttribute('aria-label', `Sửa nhiệm vụ ${t.order}`);
    edit.addEventListener('click', () => openTaskForm(taskForm, plan, pending.changed.get(t.id)?.task || t, async (body) => {
      pending.changed.set(t.id, { taskId: t.id, task: body });
      mount(taskForm);
      showSummary();
    }, 'Giữ thay đổi'));
    return h('tr', { dataset: { testid: 'amend-task', id: t.id } },
      h('td', { class: 'num' }, num(t.order)), h('td', {}, t.title),
      h('td', {}, edit),
      h('td', {}, h('label', { for: withdraw.id }, withdraw, ' Rút')));
  });
  const addButton = h('button', { type: 'button', dataset: { testid: 'amend-add-task' } }, 'Thêm nhiệm vụ');
  addButton.addEventListener('click', () => openTaskForm(taskForm, plan, null, async (body) => {
    pending.added.push(body);
    mount(taskForm);
    showSummary();
  }, 'Giữ nhiệm vụ mới'));
  const submit = h('button', { type: 'submit', class: 'primary', dataset: { testid: 'amend-submit' } }, 'Gửi điều chỉnh');
  const cancel = h('button', { type: 'button' }, 'Hủy');
  cancel.addEventListener('click', () => mount(area));
  const form = h('form', { class: 'form card', id: 'amend-form', novalidate: true },
    h('h2', {}, `Điều chỉnh kế hoạch (phiên bản ${num(plan.version + 1)})`),
    field('Lý do điều chỉnh', 'reason', reason, 'Ví dụ: Bổ sung nhiệm vụ theo Công văn số … của UBND Thành phố'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num' }, 'STT'), h('th', { scope: 'col' }, 'Nhiệm vụ'),
        h('th', { scope: 'col' }, 'Sửa'), h('th', { scope: 'col' }, 'Rút khỏi kế hoạch'))),
      h('tbody', {}, rows))),
    h('div', { class: 'actions' }, addButton),
    summary,
    h('div', { class: 'actions' }, submit, cancel));
  onSubmit(form, submit, async () => {
    const withdrawnTaskIds = [...form.querySelectorAll('input[name="withdrawn"]:checked')].map((c) => c.value);
    const errors = [];
    if (!reason.value.trim()) errors.push({ field: 'reason', message: 'Vui lòng nhập lý do điều chỉnh.' });
    if (!pending.added.length && !pending.changed.size && !withdrawnTaskIds.length) {
      errors.push({ field: '', message: 'Điều chỉnh cần có ít nhất một thay đổi nhiệm vụ: sửa, rút hoặc thêm nhiệm vụ.' });
    }
    if (errors.length) throw { title: 'Điều chỉnh chưa hợp lệ', detail: 'Vui lòng kiểm tra lại.', errors };
    const updated = await post(paths.planAmend(plan.id), {
      reason: reason.value.trim(), expectedVersion: plan.version, added: pending.added,
      changed: [...pending.changed.values()].filter((c) => !withdrawnTaskIds.includes(c.taskId)), withdrawnTaskIds,
    });
    notice(`Đã điều chỉnh kế hoạch: phiên bản ${num(updated.version)}.`);
    changed(updated);
  });
  mount(area, form, taskForm);
  reason.focus();
}

function renderTasks(area, plan, editable, changed) {
  const tasks = (plan.tasks || []).slice().sort((a, b) => a.order - b.order);
  const formArea = h('div', { id: 'task-form-area' });
  const addButton = editable ? h('button', { type: 'button', class: 'primary', id: 'task-add', dataset: { testid: 'task-add' } },
    'Thêm nhiệm vụ') : null;
  addButton?.addEventListener('click', () => openTaskForm(formArea, plan, null, draftSave(plan, null, changed)));
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
            h('td', {}, (t.channels || []).map((c) => channelName(c, plan.tenantId)).join(', ') || '—'),
            h('td', {}, quotaText(t.quota)),
            h('td', {}, t.due ? [t.due.date ? date(t.due.date) : '', t.due.text ? ` ${t.due.text}` : ''] : '—'),
            editable ? h('td', { class: 'row-actions' },
              (() => {
                const b = h('button', { type: 'button', class: 'small', dataset: { testid: 'task-edit' } }, 'Sửa');
                b.setAttribute('aria-label', `Sửa nhiệm vụ ${i + 1}`);
                b.addEventListener('click', () => openTaskForm(formArea, plan, t, draftSave(plan, t, changed)));
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

/** Saving a draft's task: straight to the API. */
function draftSave(plan, task, changed) {
  return async (body) => {
    if (task) await put(paths.planTask(plan.id, task.id), body);
    else await post(paths.planTasks(plan.id), body);
    notice(task ? 'Đã lưu nhiệm vụ.' : 'Đã thêm nhiệm vụ.');
    changed(await get(paths.plan(plan.id)));
  };
}

/** A unit's name compared as people mean it: case, spaces and diacritics aside (as plan-service's units do). */
const plainUnit = (name) => (name || '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
  .replace(/\s+/g, ' ').trim();

/**
 * The commune's units for a task's lead and coordinating units (GET /api/units: its list and the units its plans
 * name): offered as the lead unit's suggestions and in a picker that adds a coordinating unit; a name typed that is not
 * among them is still accepted, and offered to be added to the list (POST /api/units).
 */
function unitChooser(plan, lead, coordinating) {
  const datalist = h('datalist', { id: 'unit-options', dataset: { testid: 'unit-options' } });
  const pick = h('select', { dataset: { testid: 'task-coordinating-pick' }, 'aria-label': 'Thêm cơ quan phối hợp từ danh sách đơn vị' });
  const offer = h('div', { class: 'unit-offer', 'aria-live': 'polite', dataset: { testid: 'task-unit-offer' } });
  let known = [];
  const typed = () => [lead.value, ...coordinating.value.split(/[;\n]/)].map((u) => u.trim()).filter(Boolean);
  function show() {
    mount(datalist, known.map((u) => h('option', { value: u.name }, u.kindLabel || '')));
    mount(pick, h('option', { value: '' }, '— thêm cơ quan phối hợp từ danh sách —'),
      known.map((u) => h('option', { value: u.name }, u.name)));
    const names = new Set(known.map((u) => plainUnit(u.name)));
    const missing = [...new Map(typed().filter((n) => !names.has(plainUnit(n))).map((n) => [plainUnit(n), n])).values()];
    mount(offer, missing.length === 0 ? null : [h('span', {}, 'Chưa có trong danh sách đơn vị: '),
      missing.map((name) => action(h('button', { type: 'button', class: 'link-button', dataset: { testid: 'task-unit-add' } },
        `Thêm «${name}» vào danh sách`), async () => {
        known.push(await post(paths.units(), { name }));
        notice(`Đã thêm «${name}» vào danh sách đơn vị của ${nameOf(plan.tenantId)}.`);
        show();
      }, offer))]);
  }
  pick.addEventListener('change', () => {
    if (!pick.value) return;
    const now = coordinating.value.split(/[;\n]/).map((u) => u.trim()).filter(Boolean);
    if (!now.some((u) => plainUnit(u) === plainUnit(pick.value))) coordinating.value = [...now, pick.value].join('; ');
    pick.value = '';
    show();
  });
  lead.addEventListener('input', show);
  coordinating.addEventListener('input', show);
  get(paths.units(plan.tenantId)).then((units) => { known = units; show(); }).catch(() => show());
  return { element: h('div', { class: 'unit-chooser' }, datalist, pick, offer) };
}

function openTaskForm(area, plan, task, save, submitText) {
  const t = task || {};
  const q = t.quota || {};
  const inputs = {
    title: h('textarea', { rows: 2, required: true, dataset: { testid: 'task-title' } }, t.title || ''),
    description: h('textarea', { rows: 2, dataset: { testid: 'task-description' } }, t.description || ''),
    leadUnit: h('input', { type: 'text', value: t.leadUnit || '', list: 'unit-options', autocomplete: 'off', dataset: { testid: 'task-lead-unit' } }),
    coordinating: h('input', { type: 'text', value: (t.coordinatingUnits || []).join('; '), dataset: { testid: 'task-coordinating' } }),
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
  const channels = checkboxes('Kênh đăng', 'channels', options(CHANNELS).map((o) => ({ ...o, label: channelName(o.value, plan.tenantId) })),
    t.channels, 'task-channel');
  const units = unitChooser(plan, inputs.leadUnit, inputs.coordinating);
  const submit = h('button', { type: 'submit', class: 'primary', id: 'task-save', dataset: { testid: 'task-save' } },
    submitText || (task ? 'Lưu nhiệm vụ' : 'Thêm vào phụ lục'));
  const cancel = h('button', { type: 'button', id: 'task-cancel' }, 'Hủy');
  cancel.addEventListener('click', () => mount(area));
  const form = h('form', { class: 'form card', id: 'task-form', novalidate: true },
    h('h3', {}, task ? `Sửa nhiệm vụ` : 'Nhiệm vụ mới'),
    field('Nhiệm vụ', 'title', inputs.title),
    field('Mô tả', 'description', inputs.description),
    h('div', { class: 'row' },
      field('Cơ quan chủ trì', 'leadUnit', inputs.leadUnit),
      field('Cơ quan phối hợp', 'coordinatingUnits', inputs.coordinating, 'Cách nhau bởi dấu chấm phẩy (;)')),
    units.element,
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
      // a unit's name may hold a comma ("Các phòng, ban chuyên môn"): units are separated by ";"
      coordinatingUnits: inputs.coordinating.value.split(/[;\n]/).map((u) => u.trim()).filter(Boolean),
      productKinds: checkedValues(form, 'productKinds'),
      channels: checkedValues(form, 'channels'),
      audience: inputs.audience.value.trim() || null,
      scale: inputs.scale.value.trim() || null,
      quota: count !== null || per ? { count, per, from, to } : null,
      due: dueDate || inputs.dueText.value.trim() ? { date: dueDate, text: inputs.dueText.value.trim() || null } : null,
    };
    await save(body);
  });
  mount(area, form);
  inputs.title.focus();
}
