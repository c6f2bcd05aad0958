// Login with the OpenID Connect authorization code flow + PKCE (RFC 7636) against the issuer behind the gateway.
// Tokens live in sessionStorage (gone when the tab closes); the access token is refreshed before it expires.

const KEY = 'loa.tokens';
const PENDING = 'loa.login';
/** The last ID token, kept when a failed refresh drops the tokens: the issuer's logout then needs no confirmation. */
const ID_HINT = 'loa.idTokenHint';
const REFRESH_MARGIN_MS = 60_000;

let config = null;
let refreshTimer = null;
let refreshing = null;
let loggingOut = false;

/** GET /api/auth/config → {issuer, clientId, passwordGrant}; the issuer's endpoints are used on this origin. */
export async function loadConfig() {
  if (config) return config;
  const res = await fetch('/api/auth/config', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw { title: 'Không tải được cấu hình đăng nhập', detail: 'Vui lòng tải lại trang sau ít phút.' };
  const body = await res.json();
  // The issuer is reached through the gateway (same origin): its path is what matters; the CSP allows only 'self'.
  const path = new URL(body.issuer, location.origin).pathname.replace(/\/$/, '');
  config = {
    issuer: body.issuer,
    clientId: body.clientId,
    authorize: `${path}/protocol/openid-connect/auth`,
    token: `${path}/protocol/openid-connect/token`,
    logout: `${path}/protocol/openid-connect/logout`,
  };
  return config;
}

function redirectUri() {
  return `${location.origin}/`;
}

function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** PKCE S256: the challenge is base64url(SHA-256(verifier)). */
export async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(digest);
}

/** Decodes a JWT's payload (no verification: the gateway verifies; this only reads who is logged in). */
export function decodeJwt(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/**
 * The issuer names the origin users must use (tokens carry it and the gateway checks it): opened under another name
 * of the same server (localhost instead of 127.0.0.1), the app moves to the issuer's origin first. Returns true when
 * it is moving.
 */
export async function toCanonicalOrigin() {
  const c = await loadConfig();
  const issuerOrigin = new URL(c.issuer, location.origin).origin;
  if (issuerOrigin !== location.origin && new URL(c.issuer).pathname.startsWith('/auth/')) {
    location.replace(`${issuerOrigin}${location.pathname}${location.search}${location.hash}`);
    return true;
  }
  return false;
}

/** True just after a login: a 401 then means the server does not accept the new token, and logging in again would loop. */
export function justLoggedIn() {
  return Date.now() - Number(sessionStorage.getItem('loa.loggedInAt') || 0) < 15_000;
}

/** Sends the browser to the issuer's login page. `back` is the hash route to return to. */
export async function login(back) {
  // the page is leaving for the issuer's logout: a request that found no token meanwhile must not send the browser
  // to the login page instead (whichever navigation came last won; the compose browser journey ended on the
  // issuer's login form after «Đăng xuất»)
  if (loggingOut) return;
  const c = await loadConfig();
  const verifier = randomString(48);
  const state = randomString(24);
  const nonce = randomString(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, back: back || location.hash }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: c.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    nonce,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    ui_locales: 'vi',
  });
  location.assign(`${c.authorize}?${params}`);
}

/**
 * If the page was opened by the issuer's redirect (?code=…&state=…), exchanges the code for tokens, checking state
 * and nonce. Returns the hash route to show afterwards, or null when this was not a login callback.
 */
export async function completeLogin() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending?.back || '#/'}`);
  if (query.has('error')) {
    throw { title: 'Đăng nhập không thành công', detail: query.get('error_description') || 'Máy chủ đăng nhập từ chối yêu cầu.' };
  }
  if (!pending || pending.state !== query.get('state')) {
    throw { title: 'Đăng nhập không thành công', detail: 'Phiên đăng nhập không khớp (state). Vui lòng đăng nhập lại.' };
  }
  const c = await loadConfig();
  const tokens = await tokenRequest(c, {
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: redirectUri(),
    client_id: c.clientId,
    code_verifier: pending.verifier,
  });
  const idClaims = tokens.id_token ? decodeJwt(tokens.id_token) : null;
  if (!idClaims || idClaims.nonce !== pending.nonce) {
    throw { title: 'Đăng nhập không thành công', detail: 'Mã định danh không khớp (nonce). Vui lòng đăng nhập lại.' };
  }
  store(tokens);
  sessionStorage.setItem('loa.loggedInAt', String(Date.now()));
  return pending.back || '#/';
}

async function tokenRequest(c, form) {
  let res;
  try {
    res = await fetch(c.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form),
    });
  } catch {
    throw { title: 'Máy chủ đăng nhập không phản hồi', detail: 'Vui lòng kiểm tra kết nối mạng và thử lại.' };
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.access_token) {
    throw { title: 'Đăng nhập không thành công', detail: 'Phiên đăng nhập không còn hiệu lực. Vui lòng đăng nhập lại.', status: res.status };
  }
  return body;
}

function store(tokens) {
  if (loggingOut) throw { title: 'Đã đăng xuất', detail: 'Vui lòng đăng nhập lại.' };
  const now = Date.now();
  const saved = {
    access: tokens.access_token,
    refresh: tokens.refresh_token || null,
    id: tokens.id_token || current()?.id || null,
    expiresAt: now + (Number(tokens.expires_in) || 300) * 1000,
    refreshExpiresAt: tokens.refresh_expires_in ? now + Number(tokens.refresh_expires_in) * 1000 : null,
  };
  sessionStorage.setItem(KEY, JSON.stringify(saved));
  if (saved.id) sessionStorage.setItem(ID_HINT, saved.id);
  scheduleRefresh(saved);
  return saved;
}

function current() {
  return JSON.parse(sessionStorage.getItem(KEY) || 'null');
}

function scheduleRefresh(saved) {
  clearTimeout(refreshTimer);
  if (!saved?.refresh) return;
  const wait = Math.max(5_000, saved.expiresAt - Date.now() - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(() => refresh().catch(() => {}), wait);
}

/** Uses the refresh token for a new access token; one refresh at a time. */
export function refresh() {
  if (refreshing) return refreshing;
  const saved = current();
  if (!saved?.refresh) return Promise.reject({ title: 'Chưa đăng nhập', detail: 'Vui lòng đăng nhập lại.' });
  refreshing = (async () => {
    try {
      const c = await loadConfig();
      return store(await tokenRequest(c, { grant_type: 'refresh_token', refresh_token: saved.refresh, client_id: c.clientId }));
    } catch (e) {
      sessionStorage.removeItem(KEY);
      throw e;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The access token, refreshed first when it is about to expire; null when not logged in. */
export async function accessToken() {
  const saved = current();
  if (!saved) return null;
  if (Date.now() > saved.expiresAt - 10_000) {
    if (!saved.refresh) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    try {
      return (await refresh()).access;
    } catch {
      return null;
    }
  }
  return saved.access;
}

/** Resumes the refresh timer after a page load. */
export function resume() {
  const saved = current();
  if (saved) scheduleRefresh(saved);
  return Boolean(saved);
}

/** Who is logged in, from the access token's claims. */
export function who() {
  const saved = current();
  const claims = saved ? decodeJwt(saved.access) : null;
  if (!claims) return null;
  const roles = (claims.realm_access?.roles || [])
    .filter((r) => ['EDITOR', 'LEADER', 'ADMIN', 'VIEWER', 'SYSADMIN', 'PROVINCE_ADMIN'].includes(r));
  const tenant = claims.tenant || '';
  return {
    user: claims.preferred_username || claims.sub,
    name: claims.name || claims.preferred_username,
    tenant,
    roles,
    isProvince: /^\d{2}$/.test(tenant) && roles.includes('VIEWER'),
    isCommune: /^\d{5}$/.test(tenant),
    isSysadmin: roles.includes('SYSADMIN'),
    has: (role) => roles.includes(role),
  };
}

/** Forgets the tokens and ends the issuer's session. */
export async function logout() {
  // a refresh still under way must not store tokens again once they are forgotten (the page would come back
  // from the issuer's logout logged in with them)
  loggingOut = true;
  clearTimeout(refreshTimer);
  const hint = current()?.id || sessionStorage.getItem(ID_HINT);
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ID_HINT);
  const c = await loadConfig().catch(() => null);
  if (!c) {
    location.assign('/');
    return;
  }
  const params = new URLSearchParams({ client_id: c.clientId, post_logout_redirect_uri: redirectUri() });
  if (hint) params.set('id_token_hint', hint);
  location.assign(`${c.logout}?${params}`);
}
