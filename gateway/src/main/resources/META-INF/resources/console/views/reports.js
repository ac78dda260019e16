// Reports: the ministry × province × week grid of weekly reports (on time, late, overdue, missing) from
// GET /api/report/figures, drilling down to a week's reports and one report with its review.
import { get, query } from '../api.js';
import { h, fill, field, scrollable } from '../dom.js';
import { t, day } from '../i18n.js';

export const allowed = (user) => !user.ownWorkOnly;

/** ISO week of a day, e.g. 2025-W37. */
function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const week = Math.ceil(((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export async function render(main, { params }) {
  const to = params.get('to') || isoWeek(new Date());
  const from = params.get('from') || isoWeek(new Date(Date.now() - 9 * 7 * 86_400_000));
  const figures = await get(`/api/report/figures${query({ from, to, ministry: params.getAll('ministry') })}`);
  const weeks = [...new Set(figures.rows.map((r) => r.week))].sort();
  const lines = new Map();
  for (const r of figures.rows) {
    if (!r.reports || r.reports.due === 0) continue;
    const key = `${r.ministryCode}|${r.provinceCode}`;
    if (!lines.has(key)) lines.set(key, { ministryCode: r.ministryCode, provinceCode: r.provinceCode, provinceName: r.provinceName, weeks: {} });
    lines.get(key).weeks[r.week] = r.reports;
  }

  const fromInput = h('input', { id: 'from-week', value: from, pattern: '\\d{4}-W\\d{2}', size: 9 });
  const toInput = h('input', { id: 'to-week', value: to, pattern: '\\d{4}-W\\d{2}', size: 9 });
  const form = h('form', { class: 'controls', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/reports${query({ from: fromInput.value, to: toInput.value, ministry: params.getAll('ministry') })}`;
  } }, field(t('rp.from'), fromInput), field(t('rp.to'), toInput), h('button', { type: 'submit' }, t('sbs.show')));

  const detail = h('section', { id: 'report-detail', class: 'panel', 'aria-live': 'polite' });
  const cell = (line, week) => {
    const r = line.weeks[week];
    if (!r) return h('td', {}, '');
    const onTime = r.submitted - r.late;
    const missing = Math.max(0, r.due - r.submitted - r.overdue);
    const kind = r.overdue ? 'overdue' : missing ? 'missing' : r.late ? 'late' : 'on-time';
    const text = [onTime && `${onTime} ${t('rp.onTime')}`, r.late && `${r.late} ${t('rp.late')}`,
      r.overdue && `${r.overdue} ${t('rp.overdue')}`, missing && `${missing} ${t('rp.missing')}`].filter(Boolean).join(', ');
    return h('td', { class: kind, 'data-week': week }, h('button', { type: 'button', class: 'link',
      onclick: () => showWeek(detail, line, week) }, text || '–'));
  };

  fill(main,
    h('h1', {}, t('rp.title')),
    form,
    scrollable(t('rp.title'), h('table', { id: 'reports-grid' },
      h('caption', { class: 'visually-hidden' }, t('rp.title')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('rp.ministry')), h('th', { scope: 'col' }, t('sbs.province')),
        weeks.map((w) => h('th', { scope: 'col' }, w)))),
      h('tbody', {}, [...lines.values()].map((line) => h('tr', {},
        h('th', { scope: 'row' }, line.ministryCode), h('td', {}, line.provinceName), weeks.map((w) => cell(line, w))))))),
    detail);
}

async function showWeek(detail, line, week) {
  const page = await get(`/api/report/weekly-reports${query({ ministry: line.ministryCode, province: line.provinceCode, week })}`);
  fill(detail, h('h2', {}, `${t('rp.reports', { week })} · ${line.provinceName}`),
    h('ul', {}, (page.items ?? []).map((r) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => showReport(detail, r.id) }, r.officialName),
      ` · ${t('rp.status')}: ${r.status}${r.late ? ` (${t('rp.late')})` : ''}${r.overdue ? ` (${t('rp.overdue')})` : ''}`))));
  detail.querySelector('button')?.focus();
}

async function showReport(detail, id) {
  const r = await get(`/api/report/weekly-reports/${id}`);
  fill(detail, h('h2', {}, `${r.officialName} · ${r.week}`),
    h('p', {}, `${t('rp.status')}: ${r.status} · ${day(r.submittedAt)}`),
    r.summary ? h('p', {}, r.summary) : null,
    r.reviewedAt ? h('p', {}, h('strong', {}, `${t('rp.review')}: `), `${r.reviewedBy ?? ''}, ${day(r.reviewedAt)}`,
      r.reviewComment ? ` · ${r.reviewComment}` : '') : null);
}
