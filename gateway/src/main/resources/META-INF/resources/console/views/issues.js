// Issues: the localities' difficulties and recommendations as a board by state, filtered by ministry, province
// and unit, each with its history; a coordinator escalates an open one to a unit of the ministry from its card.
// The handbook (cẩm nang) is searched beside it, without diacritics. All from /api/report (and units from
// /api/personnel).
import { get, getVersioned, send, query } from '../api.js';
import { h, fill, field } from '../dom.js';
import { t, day, language } from '../i18n.js';
import { problem } from '../app.js';

const COLUMNS = [
  { key: 'OPEN', vi: 'Mới nêu', en: 'Open', match: (i) => i.status === 'OPEN' },
  { key: 'ESCALATED', vi: 'Đã chuyển đơn vị', en: 'Escalated', match: (i) => i.status === 'ESCALATED' && !i.overdue },
  { key: 'OVERDUE', vi: 'Quá hạn trả lời', en: 'Overdue', match: (i) => i.status === 'ESCALATED' && i.overdue },
  { key: 'ANSWERED_ON_SITE', vi: 'Giải đáp tại chỗ', en: 'Answered on site', match: (i) => i.status === 'ANSWERED_ON_SITE' },
  { key: 'ANSWERED', vi: 'Đã trả lời', en: 'Answered', match: (i) => i.status === 'ANSWERED' },
  { key: 'REFERRED', vi: 'Chuyển bộ khác', en: 'Referred', match: (i) => i.status === 'REFERRED' },
  { key: 'CLOSED', vi: 'Đã đóng', en: 'Closed', match: (i) => i.status === 'CLOSED' },
];

const label = (column) => (language() === 'en' ? column.en : column.vi);
/** Coordinators and admins escalate (the API decides for which ministry). */
const mayEscalate = (user) => ['coordinator', 'ministry-admin', 'platform-admin'].some((r) => user.has(r));

export async function render(main, { user, params }) {
  const filters = { ministry: params.get('ministry') ?? '', province: params.get('province') ?? '', unit: params.get('unit') ?? '' };
  const [page, ministries, provinces] = await Promise.all([
    get(`/api/report/issues${query({ ...filters, size: 100, sort: '-raisedAt' })}`),
    get('/api/personnel/ministries'),
    get('/api/assignment/provinces'),
  ]);
  const issues = page.items ?? [];
  const provinceList = provinces.items ?? provinces;
  const provinceName = (code) => provinceList.find((p) => p.code === code)?.fullName ?? code;

  const ministry = h('select', { id: 'issue-ministry' }, h('option', { value: '' }, '—'),
    ministries.map((m) => h('option', { value: m.code, selected: m.code === filters.ministry }, m.code)));
  const province = h('select', { id: 'issue-province' }, h('option', { value: '' }, '—'),
    provinceList.map((p) => h('option', { value: p.code, selected: p.code === filters.province }, p.fullName ?? p.name)));
  const unit = h('input', { id: 'issue-unit', value: filters.unit, size: 10 });
  const form = h('form', { class: 'controls', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/issues${query({ ministry: ministry.value, province: province.value, unit: unit.value.trim() })}`;
  } }, field(t('rp.ministry'), ministry), field(t('sbs.province'), province), field(t('is.unit'), unit),
  h('button', { type: 'submit' }, t('sbs.show')));

  const card = (issue) => h('li', { 'data-issue': issue.id, 'data-status': issue.status },
    h('strong', {}, issue.title), h('br'),
    h('small', {}, `${issue.ministryCode} · ${provinceName(issue.provinceCode)}${issue.communeName ? ` · ${issue.communeName}` : ''} · ${issue.fieldLabel} · ${day(issue.raisedAt)}`),
    issue.escalatedToUnit ? h('small', {}, h('br'), `${t('is.unit')}: ${issue.escalatedToUnit}${issue.deadline ? ` · ${day(issue.deadline)}` : ''}`) : null,
    h('p', {},
      h('button', { type: 'button', onclick: (e) => showHistory(e.target.closest('li'), issue) }, t('is.history')), ' ',
      mayEscalate(user) && ['OPEN', 'REFERRED', 'ESCALATED'].includes(issue.status)
        ? h('button', { type: 'button', onclick: (e) => escalateForm(e.target.closest('li'), issue) }, t('is.escalate')) : null));

  const search = h('input', { id: 'handbook-q', type: 'search' });
  const answers = h('ul', { id: 'handbook-results', class: 'cards', 'aria-live': 'polite' });
  const handbook = h('form', { class: 'controls', role: 'search', onsubmit: async (e) => {
    e.preventDefault();
    const found = await get(`/api/report/handbook${query({ q: search.value })}`);
    fill(answers, (found.items ?? []).map((entry) => h('li', {}, h('strong', {}, entry.question), h('br'), entry.answer ?? '')));
  } }, field(t('is.search'), search), h('button', { type: 'submit' }, t('sbs.show')));

  fill(main,
    h('h1', {}, t('is.title')),
    form,
    h('div', { class: 'board', id: 'issue-board' }, COLUMNS.map((column) => {
      const inColumn = issues.filter(column.match);
      return h('section', { class: 'panel', 'data-column': column.key, 'aria-labelledby': `col-${column.key}` },
        h('h2', { id: `col-${column.key}` }, `${label(column)} (${inColumn.length})`),
        h('ul', { class: 'cards' }, inColumn.map(card)));
    })),
    h('section', { class: 'panel', 'aria-labelledby': 'handbook-title' }, h('h2', { id: 'handbook-title' }, t('is.handbook')), handbook, answers));
}

async function showHistory(li, issue) {
  const steps = await get(`/api/report/issues/${issue.id}/history`);
  li.querySelector('.history')?.remove();
  li.append(h('ol', { class: 'history' }, (steps.items ?? steps).map((s) => h('li', {},
    `${day(s.at)} · ${s.action} (${s.actor}): ${s.fromStatus ?? ''} → ${s.toStatus}${s.unit ? ` · ${s.unit}` : ''}${s.note ? ` · ${s.note}` : ''}`))));
}

async function escalateForm(li, issue) {
  li.querySelector('form')?.remove();
  const answering = issue.referredToMinistry ?? issue.ministryCode;
  const units = await get(`/api/personnel/units${query({ ministry: answering, size: 100 })}`);
  const unit = h('select', { name: 'unit', required: true }, (units.items ?? units).map((u) => h('option', { value: u.code }, `${u.code} – ${u.name}`)));
  const note = h('textarea', { name: 'note' });
  const form = h('form', { onsubmit: async (e) => {
    e.preventDefault();
    form.querySelectorAll('.error').forEach((shown) => shown.remove());
    try {
      const { etag } = await getVersioned(`/api/report/issues/${issue.id}`);
      await send('POST', `/api/report/issues/${issue.id}/escalate`, { unitCode: unit.value, note: note.value || undefined }, etag);
      location.reload();
    } catch (error) {
      form.append(problem(error));
    }
  } }, field(t('is.unit'), unit), field(t('is.note'), note), h('button', { type: 'submit' }, t('is.escalate')));
  li.append(form);
  unit.focus();
}
