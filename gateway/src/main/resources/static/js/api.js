// Every API path the web app uses, in one place. All calls go through request(): bearer token, one refresh and
// retry on 401, and RFC 9457 problems thrown as {status, title, detail, errors} in Vietnamese.

import { accessToken, refresh, login, justLoggedIn } from './auth.js';

function q(params) {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') s.set(k, v);
  }
  const text = s.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

export const paths = {
  // plan-service
  plans: (tenant) => `/api/plans${q({ tenant })}`,
  plan: (id) => `/api/plans/${enc(id)}`,
  planImport: () => '/api/plans/import',
  planTasks: (id) => `/api/plans/${enc(id)}/tasks`,
  planTask: (id, taskId) => `/api/plans/${enc(id)}/tasks/${enc(taskId)}`,
  planIssue: (id) => `/api/plans/${enc(id)}/issue`,
  planAmend: (id) => `/api/plans/${enc(id)}/amend`, // POST {reason, added, changed, withdrawnTaskIds, expectedVersion}
  planClose: (id) => `/api/plans/${enc(id)}/close`,
  planDocument: (id) => `/api/plans/${enc(id)}/document`, // the plan as its Word file (.docx)
  // task-service
  tasks: (planId) => `/api/tasks${q({ plan: planId })}`,
  task: (id) => `/api/tasks/${enc(id)}`,
  taskCredit: (id, creditId) => `/api/tasks/${enc(id)}/credits/${enc(creditId)}`, // DELETE {reason}: a leader withdraws it
  // content-service
  contents: (filter) => `/api/contents${q(filter)}`,
  content: (id) => `/api/contents/${enc(id)}`,
  contentAction: (id, verb) => `/api/contents/${enc(id)}/${verb}`, // submit, approve, reject, publish, retract
  contentAttachments: (id) => `/api/contents/${enc(id)}/attachments`,
  contentPublications: (id) => `/api/contents/${enc(id)}/publications`,
  contentEngagement: (id) => `/api/contents/${enc(id)}/engagement`, // an operator's reading (POST), figures (GET)
  contentRetry: (id, channel) => `/api/contents/${enc(id)}/publications/${enc(channel)}/retry`,
  activities: (filter) => `/api/activities${q(filter)}`,
  activity: (id) => `/api/activities/${enc(id)}`,
  activityRetract: (id) => `/api/activities/${enc(id)}/retract`,
  activityAttachments: (id) => `/api/activities/${enc(id)}/attachments`,
  channels: () => '/api/channels',
  // manual-channel: the requests for outside channels waiting for a commune officer
  manualPublications: (filter) => `/api/manual-publications${q(filter)}`,
  manualPublicationAction: (requestId, verb) => `/api/manual-publications/${enc(requestId)}/${verb}`, // confirm, fail
  // report-service
  dashboard: () => '/api/dashboard',
  dashboardCommune: (code) => `/api/dashboard/communes/${enc(code)}`,
  dashboardProvince: (sort, dir) => `/api/dashboard/province${q({ sort, dir })}`,
  dashboardStream: () => '/api/dashboard/stream',
  report: (period, format, commune) => `/api/reports/${enc(period)}${q({ format, commune })}`,
  reportNotes: (period, commune) => `/api/reports/${enc(period)}/notes${q({ commune })}`,
  reportSubmission: (period, commune) => `/api/reports/${enc(period)}/submission${q({ commune })}`,
  reportSubmit: (period) => `/api/reports/${enc(period)}/submit`,
  reportAccept: (period, commune) => `/api/reports/${enc(period)}/accept${q({ commune })}`,
  reportReturn: (period, commune) => `/api/reports/${enc(period)}/return${q({ commune })}`,
  reportProvince: (period, format) => `/api/reports/${enc(period)}/province${q({ format })}`,
  // plan-service, administration (issue 20): communes' state and people of a commune (kind 'communes') or province
  adminProvinces: () => '/api/admin/provinces',
  adminCommunes: (province) => `/api/admin/communes${q({ province })}`,
  adminCommune: (code) => `/api/admin/communes/${enc(code)}`,
  adminExport: (code) => `/api/admin/communes/${enc(code)}/export`, // one .zip of everything the commune keeps
  adminCommuneSwitch: (code, verb) => `/api/admin/communes/${enc(code)}/${verb}`, // activate, deactivate
  adminProvinceActivate: (code) => `/api/admin/provinces/${enc(code)}/activate`, // POST: application/x-ndjson progress
  adminPeople: (kind, code) => `/api/admin/${kind}/${enc(code)}/users`,
  adminPerson: (kind, code, username) => `/api/admin/${kind}/${enc(code)}/users/${enc(username)}`, // DELETE: disables
  units: (tenant) => `/api/units${q({ tenant })}`, // GET: listed and named in plans; POST {name, kind}: own commune
  // notification-service (issue 21): the caller's bell, one read, all read, the caller's preferences
  notifications: () => '/api/notifications',
  notificationRead: (id) => `/api/notifications/${enc(id)}/read`,
  notificationsReadAll: () => '/api/notifications/read-all',
  notificationPreferences: () => '/api/notifications/preferences',
};

const GENERIC = {
  0: ['Không kết nối được máy chủ', 'Vui lòng kiểm tra kết nối mạng và thử lại.'],
  400: ['Dữ liệu chưa hợp lệ', 'Vui lòng kiểm tra lại thông tin đã nhập.'],
  401: ['Chưa đăng nhập', 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.'],
  403: ['Không có quyền', 'Bạn không có quyền thực hiện thao tác này.'],
  404: ['Không tìm thấy', 'Không tìm thấy dữ liệu yêu cầu.'],
  409: ['Xung đột dữ liệu', 'Dữ liệu đã thay đổi hoặc thao tác không còn phù hợp. Vui lòng tải lại trang.'],
  413: ['Tệp quá lớn', 'Tệp hoặc dữ liệu gửi lên vượt quá giới hạn cho phép.'],
  415: ['Định dạng không được hỗ trợ', 'Định dạng dữ liệu gửi lên không được hỗ trợ.'],
  429: ['Quá nhiều yêu cầu', 'Bạn thao tác quá nhanh. Vui lòng chờ giây lát rồi thử lại.'],
  500: ['Lỗi máy chủ', 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.'],
  502: ['Dịch vụ tạm thời không phản hồi', 'Vui lòng thử lại sau ít phút.'],
  503: ['Dịch vụ tạm thời không phản hồi', 'Vui lòng thử lại sau ít phút.'],
  504: ['Dịch vụ phản hồi quá chậm', 'Vui lòng thử lại sau ít phút.'],
};

function generic(status) {
  const [title, detail] = GENERIC[status] || GENERIC[status >= 500 ? 500 : 400];
  return { status, title, detail, errors: [] };
}

/** Reads a problem+json body (or makes a Vietnamese one when the body is not a problem). */
export async function problemOf(res) {
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    const body = await res.json().catch(() => null);
    if (body && (body.title || body.detail)) {
      return { ...generic(res.status), ...body, status: res.status, errors: body.errors || [] };
    }
  }
  return generic(res.status);
}

/**
 * Calls the API. opts: {method, json, form (FormData), accept, raw (return the Response)}.
 * Returns parsed JSON (or null for 204), the Response when raw.
 */
export async function request(path, opts = {}) {
  const send = async (token) => {
    const headers = { Accept: opts.accept || 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let body;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      body = opts.form;
    }
    try {
      return await fetch(path, { method: opts.method || 'GET', headers, body, signal: opts.signal });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw generic(0);
    }
  };
  let token = await accessToken();
  if (!token) {
    await login(location.hash);
    throw generic(401);
  }
  let res = await send(token);
  if (res.status === 401) {
    try {
      token = (await refresh()).access;
      res = await send(token);
    } catch {
      if (justLoggedIn()) {
        throw { status: 401, title: 'Máy chủ không chấp nhận phiên đăng nhập',
          detail: 'Bạn vừa đăng nhập nhưng máy chủ không chấp nhận mã truy cập. Vui lòng báo quản trị hệ thống (cấu hình máy chủ đăng nhập).', errors: [] };
      }
      await login(location.hash);
      throw generic(401);
    }
  }
  if (!res.ok) throw await problemOf(res);
  if (opts.raw) return res;
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

export const get = (path, opts) => request(path, opts);
export const post = (path, json, opts) => request(path, { ...opts, method: 'POST', json });
export const put = (path, json, opts) => request(path, { ...opts, method: 'PUT', json });
export const del = (path, opts) => request(path, { ...opts, method: 'DELETE' });

/** Uploads one file as multipart/form-data under the field name "file". */
export function upload(path, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request(path, { method: 'POST', form });
}

/** Fetches a file with the token and makes the browser save it under the server's file name (or `fallbackName`). */
export async function download(path, fallbackName) {
  const res = await request(path, { raw: true, accept: '*/*' });
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('Content-Disposition')) || fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, size: blob.size };
}

export function fileNameOf(disposition) {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch { /* fall through */ }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
