// Names of the tenants: the demo communes and their provinces, completed from what the API returns
// (dashboards carry commune and province names), so that a commune outside the demo shows its name once seen.

const names = new Map(Object.entries({
  10804: 'Xã Kim Thành',
  11791: 'Xã Tiên Minh',
  11242: 'Xã Nguyễn Lương Bằng',
  '00292': 'Phường Bạch Mai',
  18838: 'Xã Kỳ Lạc',
  31: 'Thành phố Hải Phòng',
  '01': 'Thành phố Hà Nội',
  42: 'Tỉnh Hà Tĩnh',
  platform: 'Quản trị hệ thống',
}));

const provinceOf = new Map(Object.entries({
  10804: '31', 11791: '31', 11242: '31', '00292': '01', 18838: '42',
}));

export function nameOf(code) {
  if (!code) return '';
  return names.get(String(code)) || (String(code).length === 2 ? `Tỉnh, thành phố mã ${code}` : `Xã, phường mã ${code}`);
}

/** "Phường Bạch Mai" → "phường": what the commune is called inside a sentence or a channel's name. */
export function unitKind(code) {
  const m = /^(Xã|Phường|Đặc khu|Thị trấn)\s/iu.exec(nameOf(code));
  return m ? m[1].toLowerCase() : 'xã';
}

/** Text written for a xã ("Trang thông tin điện tử xã") as the commune `code` reads it: a phường is never a xã. */
export function asUnit(text, code) {
  const kind = unitKind(code);
  return kind === 'xã' || !text ? text : text.replace(/(^|[^\p{L}\p{M}])xã(?![\p{L}\p{M}]| hội)/gu, `$1${kind}`);
}

export function provinceName(communeCode) {
  const p = provinceOf.get(String(communeCode));
  return p ? nameOf(p) : '';
}

/** Learns names from API data: remember(code, name). */
export function remember(code, name, province) {
  if (code && name) names.set(String(code), name);
  if (code && province) provinceOf.set(String(code), String(province));
}

/** The demo communes of a province (from what is known so far). */
export function communesOf(province) {
  return [...provinceOf.entries()].filter(([, p]) => p === String(province)).map(([c]) => ({ code: c, name: nameOf(c) }));
}
