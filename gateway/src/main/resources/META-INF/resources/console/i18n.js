// The console's words, Vietnamese first; English through the switch in the header (kept in localStorage).
const WORDS = {
  vi: {
    brand: 'Tăng cường cán bộ', skip: 'Bỏ qua điều hướng', loading: 'Đang tải…', logout: 'Đăng xuất',
    language: 'English', nav: 'Chính',
    'nav.side-by-side': 'Toàn cảnh', 'nav.timeline': 'Tiến độ', 'nav.reports': 'Báo cáo',
    'nav.issues': 'Khó khăn, vướng mắc', 'nav.inbox': 'Hộp thư', 'nav.my-week': 'Tuần của tôi',
    unread: '{n} thông báo chưa đọc',
    'error.title': 'Không thực hiện được', 'error.forbidden': 'Vai trò của bạn không được xem mục này.',
    'sbs.title': 'Toàn cảnh tăng cường theo tỉnh', 'sbs.date': 'Ngày', 'sbs.ministries': 'Bộ, ngành',
    'sbs.show': 'Xem', 'sbs.map': 'Bản đồ 34 tỉnh, thành phố', 'sbs.grid': 'Bảng bộ × tỉnh',
    'sbs.csv': 'Tải CSV', 'sbs.xlsx': 'Tải XLSX', 'sbs.covered': 'Đủ', 'sbs.short': 'Thiếu',
    'sbs.empty': 'Chưa có cán bộ', 'sbs.none': 'Không yêu cầu', 'sbs.province': 'Tỉnh, thành phố',
    'sbs.pick': 'Chọn một tỉnh trên bản đồ để xem cán bộ tại đó.',
    'sbs.tile': '{province}: {state}, {count}/{required} cán bộ',
    'sbs.officials': 'Cán bộ tại {province} ngày {date}', 'sbs.nobody': 'Không có cán bộ nào.',
    'sbs.delegations': 'Đoàn công tác', 'sbs.leader': 'trưởng đoàn', 'sbs.totals': '{covered}/34 tỉnh đủ cán bộ, {officials} cán bộ',
    'tl.title': 'Tiến độ các đợt tăng cường', 'tl.deployment': 'Đợt', 'tl.asOf': 'Theo quyết định đến ngày',
    'tl.milestones': 'Các mốc', 'tl.old': 'Thời gian trước khi điều chỉnh', 'tl.none': 'Chưa có đợt nào.',
    'tl.period': '{from} – {to}', 'tl.bars': 'Cán bộ', 'tl.stops': 'Lịch trình',
    'rp.title': 'Báo cáo tuần theo bộ và tỉnh', 'rp.from': 'Từ tuần', 'rp.to': 'Đến tuần',
    'rp.ministry': 'Bộ', 'rp.week': 'Tuần', 'rp.onTime': 'đúng hạn', 'rp.late': 'muộn', 'rp.overdue': 'quá hạn',
    'rp.missing': 'chưa nộp', 'rp.reports': 'Báo cáo tuần {week}', 'rp.review': 'Nhận xét', 'rp.status': 'Trạng thái',
    'is.title': 'Khó khăn, vướng mắc của địa phương', 'is.handbook': 'Cẩm nang tình huống', 'is.search': 'Tìm (không cần dấu)',
    'is.escalate': 'Chuyển đơn vị của bộ', 'is.unit': 'Đơn vị', 'is.history': 'Diễn biến', 'is.note': 'Ghi chú',
    'ib.title': 'Hộp thư', 'ib.readAll': 'Đánh dấu đã đọc tất cả', 'ib.markRead': 'Đánh dấu đã đọc', 'ib.empty': 'Chưa có thông báo.',
    'nav.officials': 'Cán bộ', 'of.title': 'Danh sách cán bộ', 'of.name': 'Họ và tên', 'of.position': 'Chức vụ',
    'of.phone': 'Điện thoại', 'of.assignments': 'Các đợt tăng cường', 'of.plans': 'Lịch công tác tuần', 'of.visits': 'Các chuyến đi cơ sở',
    'wk.title': 'Tuần của tôi', 'wk.submit': 'Nộp báo cáo', 'wk.summary': 'Tóm tắt', 'wk.submitted': 'Đã nộp báo cáo tuần {week}.',
    'wk.noPlan': 'Chưa có lịch công tác cho tuần này.',
  },
  en: {
    brand: 'Secondment', skip: 'Skip navigation', loading: 'Loading…', logout: 'Sign out',
    language: 'Tiếng Việt', nav: 'Main',
    'nav.side-by-side': 'Side by side', 'nav.timeline': 'Timeline', 'nav.reports': 'Reports',
    'nav.issues': 'Issues', 'nav.inbox': 'Inbox', 'nav.my-week': 'My week',
    unread: '{n} unread notifications',
    'error.title': 'Could not be done', 'error.forbidden': 'Your role may not see this.',
    'sbs.title': 'Secondments by province, side by side', 'sbs.date': 'Day', 'sbs.ministries': 'Ministries',
    'sbs.show': 'Show', 'sbs.map': 'Map of the 34 provinces', 'sbs.grid': 'Ministry × province grid',
    'sbs.csv': 'Download CSV', 'sbs.xlsx': 'Download XLSX', 'sbs.covered': 'Covered', 'sbs.short': 'Short',
    'sbs.empty': 'Nobody there', 'sbs.none': 'Not required', 'sbs.province': 'Province',
    'sbs.pick': 'Pick a province on the map to see the officials there.',
    'sbs.tile': '{province}: {state}, {count} of {required} officials',
    'sbs.officials': 'Officials in {province} on {date}', 'sbs.nobody': 'Nobody.',
    'sbs.delegations': 'Delegations', 'sbs.leader': 'led by', 'sbs.totals': '{covered} of 34 provinces covered, {officials} officials',
    'tl.title': 'Timeline of the rounds', 'tl.deployment': 'Round', 'tl.asOf': 'As decided on',
    'tl.milestones': 'Milestones', 'tl.old': 'Period before the amendment', 'tl.none': 'No round yet.',
    'tl.period': '{from} – {to}', 'tl.bars': 'Officials', 'tl.stops': 'Itinerary',
    'rp.title': 'Weekly reports by ministry and province', 'rp.from': 'From week', 'rp.to': 'To week',
    'rp.ministry': 'Ministry', 'rp.week': 'Week', 'rp.onTime': 'on time', 'rp.late': 'late', 'rp.overdue': 'overdue',
    'rp.missing': 'missing', 'rp.reports': 'Weekly reports {week}', 'rp.review': 'Review', 'rp.status': 'Status',
    'is.title': 'Difficulties and recommendations of localities', 'is.handbook': 'Handbook', 'is.search': 'Search (diacritics optional)',
    'is.escalate': 'Escalate to a unit', 'is.unit': 'Unit', 'is.history': 'History', 'is.note': 'Note',
    'ib.title': 'Inbox', 'ib.readAll': 'Mark all as read', 'ib.markRead': 'Mark as read', 'ib.empty': 'No notification yet.',
    'nav.officials': 'Officials', 'of.title': 'Officials', 'of.name': 'Full name', 'of.position': 'Position',
    'of.phone': 'Phone', 'of.assignments': 'Secondments', 'of.plans': 'Weekly work plans', 'of.visits': 'Field visits',
    'wk.title': 'My week', 'wk.submit': 'Submit the report', 'wk.summary': 'Summary', 'wk.submitted': 'Weekly report {week} submitted.',
    'wk.noPlan': 'No work plan for this week.',
  },
};

let current = localStorage.getItem('language') === 'en' ? 'en' : 'vi';

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = lang === 'en' ? 'en' : 'vi';
  localStorage.setItem('language', current);
  document.documentElement.lang = current;
  applyWords(document);
}

/** The word for a key in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = WORDS[current][key] ?? WORDS.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** Fills every element marked data-i18n under root. */
export function applyWords(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
}

/** A day as people read it: 3/9/2025 in Vietnamese, 3 Sep 2025 in English. */
export function day(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(current === 'en' ? 'en-GB' : 'vi-VN', { day: 'numeric', month: current === 'en' ? 'short' : 'numeric', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}
