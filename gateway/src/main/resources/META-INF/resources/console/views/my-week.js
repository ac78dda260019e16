// My week (officers): the weekly reports the signed-in official owes, with the week's work plan, the draft prefilled
// as the API prefills it (POST …/draft), edited and submitted; from /api/report/weekly-reports (only the caller's
// own) and /api/assignment/assignments/{id}/work-plans/{week}.
import { get, getVersioned, send, query } from '../api.js';
import { h, fill, field } from '../dom.js';
import { t, day } from '../i18n.js';
import { problem } from '../app.js';

export const allowed = (user) => user.has('officer');

const FIELDS = ['summary', 'activities', 'communesVisited', 'difficulties', 'recommendations', 'nextWeekPlan'];
const LABELS = {
  summary: 'Tóm tắt / Summary', activities: 'Công việc đã làm / Activities', communesVisited: 'Xã, phường đã đến / Communes visited',
  difficulties: 'Khó khăn, vướng mắc / Difficulties', recommendations: 'Kiến nghị / Recommendations', nextWeekPlan: 'Kế hoạch tuần tới / Next week',
};

export async function render(main, { params }) {
  const page = await get(`/api/report/weekly-reports${query({ size: 20 })}`);
  const open = (page.items ?? []).filter((r) => ['DUE', 'DRAFT', 'RETURNED'].includes(r.status));
  const chosen = params.get('report') ?? open[0]?.id;
  fill(main, h('h1', {}, t('wk.title')),
    h('ul', { id: 'my-reports', class: 'cards' }, (page.items ?? []).map((r) => h('li', { 'data-report': r.id },
      h('a', { href: `#/my-week?report=${r.id}` }, `${r.week} · ${r.provinceCode ?? ''}`), ` · ${r.status}`,
      r.overdue ? ` (${t('rp.overdue')})` : ''))),
    h('section', { id: 'report-form', class: 'panel' }));
  if (chosen) await showReport(main.querySelector('#report-form'), chosen);
}

async function showReport(section, id) {
  let { body: report, etag } = await getVersioned(`/api/report/weekly-reports/${id}`);
  if (report.status === 'DUE') {
    // the API drafts it prefilled from the week's plan, visits and issues
    await send('POST', `/api/report/weekly-reports/${id}/draft`, undefined, etag);
    ({ body: report, etag } = await getVersioned(`/api/report/weekly-reports/${id}`));
  }
  const inputs = Object.fromEntries(FIELDS.map((name) => [name, h('textarea', { name, id: `report-${name}` }, report[name] ?? '')]));
  const status = h('p', { id: 'report-status', role: 'status' }, `${report.week} · ${report.status} · ${day(report.dueAt)}`);
  const editable = ['DRAFT', 'RETURNED'].includes(report.status);
  const form = h('form', { onsubmit: async (e) => {
    e.preventDefault();
    form.querySelectorAll('.error').forEach((shown) => shown.remove());
    try {
      const body = Object.fromEntries(FIELDS.map((name) => [name, inputs[name].value]));
      await send('PUT', `/api/report/weekly-reports/${id}`, body, etag);
      ({ etag } = await getVersioned(`/api/report/weekly-reports/${id}`));
      const submitted = await send('POST', `/api/report/weekly-reports/${id}/submission`, undefined, etag);
      status.textContent = `${t('wk.submitted', { week: submitted.week })} ${submitted.status}`;
      form.querySelector('button').disabled = true;
    } catch (error) {
      form.append(problem(error));
    }
  } }, FIELDS.map((name) => field(LABELS[name], inputs[name])),
  editable ? h('button', { type: 'submit' }, t('wk.submit')) : null);
  fill(section, h('h2', {}, `${report.week}`), await plan(report), status, form);
}

/** The week's work plan (lịch công tác tuần) the report is written against, when the official made one. */
async function plan(report) {
  const week = await get(`/api/assignment/assignments/${report.assignmentId}/work-plans/${report.week}`).catch(() => null);
  if (!week) return h('p', { id: 'week-plan', class: 'muted' }, t('wk.noPlan'));
  return h('section', { id: 'week-plan', 'aria-labelledby': 'week-plan-title' },
    h('h3', { id: 'week-plan-title' }, `${t('of.plans')} (${week.status})`),
    h('ul', {}, (week.activities ?? []).map((a) => h('li', {},
      `${day(a.day)} · ${a.title}${a.communeName ? ` · ${a.communeName}` : ''}${a.location ? ` · ${a.location}` : ''}`))));
}
