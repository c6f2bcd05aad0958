// Báo cáo: pick a period (month, quarter, 6 months, 9 months, year), preview the figures, download docx / xlsx,
// write the commune's own parts (highlights, difficulties, proposals, document number), the signature block, "Kính gửi"
// and "Nơi nhận" (prefilled with what the document prints; read-only once the province accepted the report), submit
// (leader); a province accepts or returns a commune's report with a reason.

import { get, put, post, download, paths } from '../api.js';
import {
  h, mount, refocus, pageTitle, field, select, action, onSubmit, showProblem, notice, num, date, dateTime, emptyRow, lines,
} from '../ui.js';
import { nameOf, communesOf, remember } from '../places.js';

const KINDS = [
  { value: 'M', label: 'Tháng' },
  { value: 'Q', label: 'Quý' },
  { value: 'H1', label: '6 tháng' },
  { value: '9M', label: '9 tháng' },
  { value: 'Y', label: 'Năm' },
];

/** The API's period code: 2025-M08, 2025-Q3, 2025-H1, 2025-9M, 2025. */
export function periodCode(kind, year, n) {
  if (kind === 'M') return `${year}-M${String(n).padStart(2, '0')}`;
  if (kind === 'Q') return `${year}-Q${n}`;
  if (kind === 'H1') return `${year}-H1`;
  if (kind === '9M') return `${year}-9M`;
  return String(year);
}

const STATE_LABELS = { DRAFT: 'Đang soạn', SUBMITTED: 'Đã gửi, chờ tiếp nhận', ACCEPTED: 'Đã tiếp nhận', RETURNED: 'Bị trả lại' };

export async function page(main, ctx) {
  const { who, query } = ctx;
  const now = new Date();
  const vnMonth = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', month: 'numeric' }).format(now));
  const vnYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(now));
  const state = {
    kind: query.get('kind') || 'Q',
    year: Number(query.get('year') || vnYear),
    n: Number(query.get('n') || (query.get('kind') === 'M' ? vnMonth : Math.ceil(vnMonth / 3))),
    commune: query.get('commune') || (who.isCommune ? who.tenant : ''),
  };

  let communes = [];
  if (!who.isCommune) {
    try {
      const d = await get(paths.dashboardProvince('name', 'asc'));
      communes = (d.communes || []).map((r) => ({ code: r.code, name: r.name }));
      for (const c of communes) remember(c.code, c.name, d.provinceCode);
    } catch {
      communes = communesOf(who.tenant);
    }
    if (!state.commune && communes.length) state.commune = communes[0].code;
  }
  if (!ctx.current()) return;

  const kind = select({ id: 'report-kind', dataset: { testid: 'report-kind' } }, KINDS, state.kind);
  const year = h('input', { type: 'number', id: 'report-year', min: 2020, max: 2100, value: state.year, dataset: { testid: 'report-year' } });
  const nSelect = select({ id: 'report-number', dataset: { testid: 'report-number' } }, [], '');
  const nField = field('Kỳ', 'n', nSelect);
  const fillN = () => {
    const k = kind.value;
    const opts = k === 'M' ? Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `Tháng ${i + 1}` }))
      : k === 'Q' ? [1, 2, 3, 4].map((q) => ({ value: String(q), label: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}` })) : [];
    mount(nSelect, opts.map((o) => h('option', { value: o.value }, o.label)));
    const max = k === 'M' ? 12 : 4;
    nSelect.value = String(Math.min(Math.max(1, state.n), max));
    nField.hidden = opts.length === 0;
  };
  fillN();
  kind.addEventListener('change', fillN);
  const communeSelect = !who.isCommune ? select({ id: 'report-commune', dataset: { testid: 'report-commune' } },
    communes.map((c) => ({ value: c.code, label: c.name || nameOf(c.code) })), state.commune) : null;
  const show = h('button', { type: 'submit', class: 'primary', id: 'report-preview', dataset: { testid: 'report-preview' } }, 'Xem báo cáo');
  const picker = h('form', { class: 'form toolbar-form', id: 'report-picker', novalidate: true },
    h('div', { class: 'row' },
      communeSelect ? field('Xã, phường', 'commune', communeSelect) : null,
      field('Loại báo cáo', 'kind', kind),
      nField,
      field('Năm', 'year', year),
      h('div', { class: 'actions align-end' }, show)));
  const area = h('div', { id: 'report-area', 'aria-live': 'polite' });
  mount(main, pageTitle('Báo cáo định kỳ'),
    h('p', { class: 'hint' }, 'Số liệu tính theo kỳ chốt số liệu của chế độ báo cáo (từ ngày 15 của tháng trước kỳ đến ngày 14 của tháng cuối kỳ).'),
    picker, area);

  const load = async () => {
    state.kind = kind.value;
    state.year = Number(year.value);
    state.n = Number(nSelect.value || 1);
    state.commune = communeSelect ? communeSelect.value : who.tenant;
    if (!Number.isInteger(state.year) || state.year < 2000) {
      showProblem({ title: 'Năm chưa hợp lệ', detail: 'Vui lòng nhập năm, ví dụ 2025.', errors: [{ field: 'year', message: 'Ví dụ: 2025.' }] }, picker);
      return;
    }
    const period = periodCode(state.kind, state.year, state.n);
    history.replaceState(null, '', `#/bao-cao?${new URLSearchParams({ kind: state.kind, year: state.year, n: state.n, ...(communeSelect ? { commune: state.commune } : {}) })}`);
    const commune = who.isCommune ? undefined : state.commune;
    mount(area, h('p', { class: 'loading', role: 'status' }, 'Đang tổng hợp số liệu…'));
    const [data, notes, submission] = await Promise.all([
      get(paths.report(period, 'json', commune)),
      get(paths.reportNotes(period, commune)).catch(() => null),
      get(paths.reportSubmission(period, commune)).catch(() => null),
    ]);
    if (!ctx.current()) return;
    renderReport(area, { who, period, commune, data, notes, submission, reload: load });
    refocus(main);
  };
  onSubmit(picker, show, async () => {
    try {
      await load();
    } catch (problem) {
      mount(area);
      throw problem;
    }
  });
  try {
    await load();
  } catch (problem) {
    mount(area);
    showProblem(problem, picker);
  }
  return undefined;
}

function renderReport(area, { who, period, commune, data, notes, submission, reload }) {
  const p = data.period || {};
  const t = data.totals || {};
  const fileBase = `bao-cao-cchc-${commune || who.tenant}-${period}`;
  const docx = h('button', { type: 'button', class: 'primary', id: 'report-download-docx', dataset: { testid: 'report-download-docx' } }, 'Tải báo cáo Word (.docx)');
  const xlsx = h('button', { type: 'button', id: 'report-download-xlsx', dataset: { testid: 'report-download-xlsx' } }, 'Tải bảng số liệu Excel (.xlsx)');
  const downloads = h('div', { class: 'actions', id: 'report-downloads' }, docx, xlsx,
    h('span', { class: 'download-state', id: 'report-download-state', dataset: { testid: 'report-download-state' }, role: 'status' }));
  const downloadState = downloads.querySelector('.download-state');
  action(docx, async () => {
    const got = await download(paths.report(period, 'docx', commune), `${fileBase}.docx`);
    downloadState.textContent = `Đã tải ${got.name} (${num(Math.ceil(got.size / 1024))} KB).`;
  }, area);
  action(xlsx, async () => {
    const got = await download(paths.report(period, 'xlsx', commune), `${fileBase}.xlsx`);
    downloadState.textContent = `Đã tải ${got.name} (${num(Math.ceil(got.size / 1024))} KB).`;
  }, area);
  if (who.isProvince) {
    const agg = h('button', { type: 'button', id: 'report-download-province', dataset: { testid: 'report-download-province' } }, 'Tải báo cáo tổng hợp của tỉnh (.xlsx)');
    action(agg, async () => {
      const got = await download(paths.reportProvince(period, 'xlsx'), `bao-cao-cchc-tinh-${who.tenant}-${period}.xlsx`);
      downloadState.textContent = `Đã tải ${got.name}.`;
    }, area);
    downloads.insertBefore(agg, downloadState);
  }

  mount(area,
    h('section', { class: 'card', 'aria-labelledby': 'report-title', id: 'report-preview-area', dataset: { testid: 'report-preview-area' } },
      h('h2', { id: 'report-title' }, `Báo cáo ${p.inWords || period} — ${data.commune?.name || nameOf(commune || who.tenant)}`),
      h('p', {}, `Số liệu từ ${date(p.from)} đến ${date(p.to)}`, p.windowInWords ? ` (${p.windowInWords})` : '',
        data.generatedOn ? ` · lập ngày ${date(data.generatedOn)}` : ''),
      downloads,
      h('ul', { class: 'stats' },
        statItem('Nhiệm vụ', t.tasks), statItem('Nhiệm vụ đạt chỉ tiêu', `${num(t.tasksMet)}/${num(t.tasksWithTarget)}`),
        statItem('Tin, bài đã đăng', t.publications), statItem('Kênh', t.channels), statItem('Hoạt động', t.activities)),
      h('h3', {}, 'Kết quả thực hiện nhiệm vụ'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data', dataset: { testid: 'report-tasks' } },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'num' }, 'STT'), h('th', { scope: 'col' }, 'Nhiệm vụ'),
          h('th', { scope: 'col' }, 'Chủ trì'), h('th', { scope: 'col' }, 'Chỉ tiêu'), h('th', { scope: 'col', class: 'num' }, 'Kế hoạch'),
          h('th', { scope: 'col', class: 'num' }, 'Thực hiện'), h('th', { scope: 'col' }, 'Đánh giá'))),
        h('tbody', {}, (data.tasks || []).length === 0 ? emptyRow(7, 'Không có nhiệm vụ trong kỳ.') : data.tasks.map((r) => h('tr', {},
          h('td', { class: 'num' }, num(r.no)), h('td', {}, r.title), h('td', {}, r.leadUnit || '—'), h('td', {}, r.quota || '—'),
          h('td', { class: 'num' }, num(r.target)), h('td', { class: 'num' }, num(r.achieved)), h('td', {}, r.assessment || '')))))),
      h('h3', {}, 'Tin, bài theo kênh và loại'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'data', dataset: { testid: 'report-publications' } },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Kênh'), h('th', { scope: 'col' }, 'Loại'), h('th', { scope: 'col', class: 'num' }, 'Số lượng'))),
        h('tbody', {}, (data.publications || []).length === 0 ? emptyRow(3, 'Không có tin, bài đăng trong kỳ.') : data.publications.map((r) => h('tr', {},
          h('td', {}, r.channelLabel || r.channel), h('td', {}, r.kindLabel || r.kind), h('td', { class: 'num' }, num(r.count))))))),
      h('h3', {}, 'Hoạt động đã tổ chức'),
      (data.activities || []).length === 0 ? h('p', {}, 'Không có hoạt động trong kỳ.')
        : h('ul', {}, data.activities.map((a) => h('li', {}, `${date(a.heldOn)} — ${a.kindLabel || a.kind}: ${a.title}${a.unit ? ` (${a.unit})` : ''}`)))),
    who.isCommune ? notesForm(period, notes || {}, who, submission) : notesView(notes),
    submissionSection({ who, period, commune, submission, reload }));
}

function statItem(text, value) {
  return h('li', { class: 'stat' }, h('span', { class: 'stat-value' }, typeof value === 'string' ? value : num(value || 0)),
    h('span', { class: 'stat-label' }, text));
}

// ---- the commune's own parts, the signature block and the addressing ----

/** Upper case without diacritics: "Lưu: VT" → "LUU: VT" (as report-service compares lines). */
function fold(text) {
  return text.replace(/[Đđ]/g, 'D').normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

/** The archive line that Decree 30 keeps last in "Nơi nhận" ("Lưu: VT, VHXH"). */
function isArchive(line) {
  const f = fold(line);
  return f.startsWith('LUU:') || f.startsWith('LUU ');
}

/** When the province accepted the report: the frozen notes' time, else the submission's last step to ACCEPTED. */
function acceptedAt(notes, submission) {
  if (notes.frozenAt) return notes.frozenAt;
  const steps = (submission?.history || []).filter((s) => s.to === 'ACCEPTED');
  return steps.length ? steps[steps.length - 1].at : null;
}

/**
 * What the form shows of the signature and the addressing: the lines the document prints (`effective`), "Nơi nhận"
 * without its archive line, which is shown after the list and kept as it is.
 */
function printed(notes) {
  // without `effective` (the notes could not be read) only the name the commune wrote is known
  const eff = notes.effective || { signature: { name: notes.signer }, addressees: [], recipients: [] };
  const sig = eff.signature || {};
  const recipients = eff.recipients || [];
  return {
    values: {
      signerAuthority: sig.authority || '',
      signerDelegation: sig.delegation || '',
      signerTitle: sig.title || '',
      signer: sig.name || '',
      addressees: (eff.addressees || []).join('\n'),
      recipients: recipients.filter((l) => !isArchive(l)).join('\n'),
    },
    archive: recipients.filter(isArchive),
  };
}

const SIGNATURE_FIELDS = ['signerAuthority', 'signerDelegation', 'signerTitle', 'signer'];
const ADDRESSING_FIELDS = ['addressees', 'recipients'];

function notesForm(period, notes, who, submission) {
  const line = (testid, placeholder) => h('input', { type: 'text', maxlength: 100, autocomplete: 'off', placeholder, dataset: { testid } });
  const inputs = {
    highlights: h('textarea', { rows: 4, dataset: { testid: 'report-highlights' } }, notes.highlights || ''),
    difficulties: h('textarea', { rows: 4, dataset: { testid: 'report-difficulties' } }, notes.difficulties || ''),
    proposals: h('textarea', { rows: 4, dataset: { testid: 'report-proposals' } }, notes.proposals || ''),
    number: h('input', { type: 'text', value: notes.number || '', placeholder: 'Ví dụ: 12/BC-UBND', dataset: { testid: 'report-doc-number' } }),
    signerAuthority: line('report-signer-authority', 'Ví dụ: TM. ỦY BAN NHÂN DÂN'),
    signerDelegation: line('report-signer-delegation', 'Ví dụ: KT. CHỦ TỊCH'),
    signerTitle: line('report-signer-title', 'Ví dụ: PHÓ CHỦ TỊCH'),
    signer: line('report-signer', 'Ví dụ: Nguyễn Văn A'),
    addressees: h('textarea', { rows: 3, dataset: { testid: 'report-addressees' } }),
    recipients: h('textarea', { rows: 5, dataset: { testid: 'report-recipients' } }),
  };
  const archiveList = h('ul', { class: 'fixed-lines', id: 'report-recipients-archive', dataset: { testid: 'report-recipients-archive' } });
  // what the fields showed when last filled from the server: a field left as it was is not sent (it keeps its value,
  // and a default stays a default, following the plan's signer and the unit's kind)
  let shown = {};
  let archive = [];
  const fill = (view) => {
    const p = printed(view);
    shown = p.values;
    archive = p.archive;
    for (const [k, v] of Object.entries(shown)) inputs[k].value = v;
    mount(archiveList, archive.map((l) => h('li', {}, l, h('span', { class: 'fixed-note' }, ' (dòng cuối, giữ nguyên)'))));
  };
  fill(notes);

  const writable = who.has('EDITOR') || who.has('LEADER') || who.has('ADMIN');
  let readOnly = Boolean(notes.readOnly);
  const save = h('button', { type: 'submit', class: 'primary', id: 'report-notes-save', dataset: { testid: 'report-notes-save' } }, 'Lưu phần tự viết');
  const reset = h('button', { type: 'button', id: 'report-signature-reset', dataset: { testid: 'report-signature-reset' } }, 'Dùng lại người ký, nơi nhận mặc định');
  const buttons = h('div', { class: 'actions' }, save, reset);
  const at = acceptedAt(notes, submission);
  const form = h('form', { class: 'form card', id: 'report-notes', novalidate: true, 'aria-labelledby': 'report-notes-title' },
    h('h2', { id: 'report-notes-title' }, 'Phần tự viết của báo cáo'),
    readOnly ? h('div', { class: 'info', id: 'report-notes-readonly', dataset: { testid: 'report-notes-readonly' } },
      h('p', { class: 'info-title' }, `Báo cáo đã được tỉnh tiếp nhận${at ? ` ngày ${date(at)}` : ''}`),
      h('p', {}, 'Nội dung dưới đây là nội dung đã in trong báo cáo khi tiếp nhận và không sửa được nữa.')) : null,
    field('Kết quả nổi bật', 'highlights', inputs.highlights),
    field('Khó khăn, vướng mắc', 'difficulties', inputs.difficulties),
    field('Đề xuất, kiến nghị', 'proposals', inputs.proposals),
    h('div', { class: 'row' }, field('Số văn bản', 'number', inputs.number)),
    h('fieldset', { class: 'group', id: 'report-signature', dataset: { testid: 'report-signature' } },
      h('legend', {}, 'Người ký báo cáo'),
      h('p', { class: 'hint' }, 'Mỗi dòng in đậm ở cuối báo cáo, theo thứ tự dưới đây. Mặc định theo người ký kế hoạch; để trống một dòng thì dòng đó không in.'),
      h('div', { class: 'row' },
        field('Thẩm quyền ký', 'signerAuthority', inputs.signerAuthority),
        field('Ký thay / thừa lệnh', 'signerDelegation', inputs.signerDelegation)),
      h('div', { class: 'row' },
        field('Chức vụ người ký', 'signerTitle', inputs.signerTitle),
        field('Họ và tên người ký', 'signer', inputs.signer, 'Để trống: lấy người ký của kế hoạch.'))),
    field('Kính gửi', 'addressees', inputs.addressees, 'Mỗi nơi một dòng, không cần gạch đầu dòng hay dấu chấm phẩy; để trống thì báo cáo không có dòng “Kính gửi”.'),
    h('div', { class: 'field', dataset: { field: 'recipients' } },
      h('label', { for: 'report-recipients' }, 'Nơi nhận'),
      h('p', { class: 'hint', id: 'report-recipients-hint' }, 'Mỗi nơi một dòng. Dòng “Lưu: …” luôn ở cuối và giữ nguyên.'),
      inputs.recipients,
      archiveList,
      h('p', { class: 'field-error', id: 'report-recipients-error', hidden: true })),
    writable && !readOnly ? buttons : null);
  inputs.recipients.id = 'report-recipients';
  inputs.recipients.name = 'recipients';
  inputs.recipients.setAttribute('aria-describedby', 'report-recipients-hint report-recipients-archive report-recipients-error');
  const lock = () => {
    readOnly = true;
    for (const el of form.querySelectorAll('input, textarea')) el.readOnly = true;
    buttons.remove();
  };
  if (!writable || readOnly) lock();

  /** The body of the PUT: the texts always; a signature line or a list only when the user changed it. */
  const body = () => {
    const out = {};
    for (const k of ['highlights', 'difficulties', 'proposals', 'number']) out[k] = inputs[k].value.trim() || null;
    for (const k of SIGNATURE_FIELDS) {
      const v = inputs[k].value.trim();
      // "" leaves a line out of the document; the name falls back to the plan's signer
      if (v !== shown[k].trim()) out[k] = k === 'signer' ? (v || null) : v;
    }
    for (const k of ADDRESSING_FIELDS) {
      const v = lines(inputs[k].value);
      if (v.join('\n') !== lines(shown[k]).join('\n')) out[k] = k === 'recipients' ? [...v, ...archive] : v;
    }
    return out;
  };
  const send = async (json) => {
    try {
      fill(await put(paths.reportNotes(period), json));
    } catch (problem) {
      if (problem.status === 409) lock(); // accepted by the province meanwhile: its message says so
      throw problem;
    }
  };
  onSubmit(form, save, async () => {
    if (readOnly) return;
    if (lines(inputs.recipients.value).some(isArchive)) {
      throw { title: 'Thông tin chưa hợp lệ', detail: 'Vui lòng sửa các trường được đánh dấu.',
        errors: [{ field: 'recipients', message: 'Dòng “Lưu: …” đã có sẵn ở cuối danh sách; vui lòng bỏ dòng này.' }] };
    }
    await send(body());
    notice('Đã lưu phần tự viết, người ký, “Kính gửi” và “Nơi nhận”; báo cáo tải về sẽ có nội dung này.');
  });
  action(reset, async () => {
    if (!confirm('Dùng lại người ký theo kế hoạch và “Kính gửi”, “Nơi nhận” mặc định cho báo cáo kỳ này?')) return;
    await send(Object.fromEntries([...SIGNATURE_FIELDS, ...ADDRESSING_FIELDS].map((k) => [k, null])));
    notice('Đã dùng lại người ký, “Kính gửi” và “Nơi nhận” mặc định.');
  }, form);
  return form;
}

function notesView(notes) {
  if (!notes) return null;
  const part = (title, text) => (text ? [h('h3', {}, title), h('p', { class: 'prewrap' }, text)] : null);
  const eff = notes.effective;
  const sig = eff?.signature || {};
  const signature = [sig.authority, sig.delegation, sig.title, sig.name].filter(Boolean);
  return h('section', { class: 'card', dataset: { testid: 'report-notes-view' } }, h('h2', {}, 'Phần tự viết của xã'),
    part('Kết quả nổi bật', notes.highlights), part('Khó khăn, vướng mắc', notes.difficulties), part('Đề xuất, kiến nghị', notes.proposals),
    !notes.highlights && !notes.difficulties && !notes.proposals ? h('p', {}, 'Xã chưa viết phần này.') : null,
    eff ? [
      h('h3', {}, 'Kính gửi'),
      (eff.addressees || []).length ? h('ul', {}, eff.addressees.map((l) => h('li', {}, l))) : h('p', {}, 'Không ghi.'),
      h('h3', {}, 'Nơi nhận'),
      h('ul', {}, (eff.recipients || []).map((l) => h('li', {}, l))),
      h('h3', {}, 'Người ký'),
      signature.length ? h('p', { class: 'prewrap', dataset: { testid: 'report-signature-view' } }, signature.join('\n')) : h('p', {}, 'Chưa có.'),
    ] : null);
}

function submissionSection({ who, period, commune, submission, reload }) {
  const s = submission || { state: 'DRAFT', history: [] };
  const area = h('section', { class: 'card', 'aria-labelledby': 'submission-title', id: 'report-submission', dataset: { testid: 'report-submission' } });
  const actions = h('div', { class: 'actions' });
  const panel = h('div');
  if (who.isCommune && who.has('LEADER') && (s.state === 'DRAFT' || s.state === 'RETURNED')) {
    actions.appendChild(action(h('button', { type: 'button', class: 'primary', id: 'report-submit', dataset: { testid: 'report-submit' } },
      'Gửi báo cáo lên tỉnh'), async () => {
      if (!confirm('Gửi báo cáo kỳ này lên tỉnh, thành phố?')) return;
      await post(paths.reportSubmit(period));
      notice('Đã gửi báo cáo.');
      await reload();
    }, area));
  }
  if (who.isProvince && s.state === 'SUBMITTED') {
    actions.appendChild(action(h('button', { type: 'button', class: 'primary', id: 'report-accept', dataset: { testid: 'report-accept' } },
      'Tiếp nhận báo cáo'), async () => {
      await post(paths.reportAccept(period, commune));
      notice('Đã tiếp nhận báo cáo.');
      await reload();
    }, area));
    const open = h('button', { type: 'button', id: 'report-return-open', dataset: { testid: 'report-return-open' } }, 'Trả lại báo cáo');
    open.addEventListener('click', () => {
      const reason = h('textarea', { rows: 3, id: 'report-return-reason', dataset: { testid: 'report-return-reason' } });
      const go = h('button', { type: 'submit', class: 'danger', id: 'report-return', dataset: { testid: 'report-return' } }, 'Trả lại');
      const form = h('form', { class: 'form', novalidate: true }, field('Lý do trả lại', 'reason', reason), h('div', { class: 'actions' }, go));
      onSubmit(form, go, async () => {
        await post(paths.reportReturn(period, commune), { reason: reason.value.trim() });
        notice('Đã trả lại báo cáo cho xã.');
        await reload();
      });
      mount(panel, form);
      reason.focus();
    });
    actions.appendChild(open);
  }
  mount(area,
    h('h2', { id: 'submission-title' }, 'Gửi báo cáo'),
    h('p', {}, 'Tình trạng: ', h('strong', { id: 'report-state', dataset: { testid: 'report-state', state: s.state } }, s.stateLabel || STATE_LABELS[s.state] || s.state)),
    s.state === 'RETURNED' && s.reason ? h('p', { class: 'problem-inline' }, `Lý do trả lại: ${s.reason}`) : null,
    actions, panel,
    (s.history || []).length ? h('ol', { class: 'history' }, s.history.map((step) => h('li', {},
      `${dateTime(step.at)} — ${step.by || ''}: ${STATE_LABELS[step.to] || step.to}${step.reason ? ` (${step.reason})` : ''}`))) : null);
  return area;
}
