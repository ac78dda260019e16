// Officials: the directory as the caller may read it (another ministry's personal data comes masked by the API),
// and an official's page: their assignments, weekly plans, visits and reports, from the four services' APIs.
import { get, query } from '../api.js';
import { h, fill, field, scrollable } from '../dom.js';
import { t, day, language } from '../i18n.js';

const en = () => language() === 'en';
/** The API masks personal details (phone to its last digits, no date of birth) for other ministries: say so. */
const MASKED = () => (en() ? 'personal details masked' : 'thông tin cá nhân đã ẩn');

export async function render(main, { args, params }) {
  if (args[0]) return page(main, args[0]);
  const q = params.get('q') ?? '';
  const ministry = params.get('ministry') ?? '';
  const [officials, ministries] = await Promise.all([
    get(`/api/personnel/officials${query({ q, ministry, size: 50 })}`),
    get('/api/personnel/ministries'),
  ]);
  const search = h('input', { id: 'official-q', type: 'search', value: q });
  const select = h('select', { id: 'official-ministry' }, h('option', { value: '' }, '—'),
    ministries.map((m) => h('option', { value: m.code, selected: m.code === ministry }, m.code)));
  const form = h('form', { class: 'controls', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/officials${query({ q: search.value.trim(), ministry: select.value })}`;
  } }, field(t('is.search'), search), field(t('rp.ministry'), select), h('button', { type: 'submit' }, t('sbs.show')));
  fill(main, h('h1', {}, t('of.title')), form,
    scrollable(t('of.title'), h('table', { id: 'officials' },
      h('caption', { class: 'visually-hidden' }, t('of.title')),
      h('thead', {}, h('tr', {}, [t('of.name'), t('rp.ministry'), t('of.position'), 'Email', t('of.phone'), t('rp.status')]
        .map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, (officials.items ?? []).map((o) => h('tr', { 'data-official': o.id, 'data-masked': String(o.personalDataMasked) },
        h('th', { scope: 'row' }, h('a', { href: `#/officials/${o.id}` }, o.fullName)),
        h('td', {}, o.ministryCode), h('td', {}, o.position ?? ''),
        h('td', {}, o.email ?? ''),
        h('td', {}, o.phone ?? '', o.personalDataMasked ? h('span', { class: 'muted' }, ` (${MASKED()})`) : ''),
        h('td', {}, o.secondmentStatus ?? '')))))));
}

async function page(main, id) {
  const [official, assignments, visits] = await Promise.all([
    get(`/api/personnel/officials/${id}`),
    get(`/api/assignment/assignments${query({ official: id, size: 20 })}`),
    get(`/api/report/field-visits${query({ official: id, size: 20 })}`).catch(() => ({ items: [] })),
  ]);
  const held = assignments.items ?? [];
  const perAssignment = await Promise.all(held.slice(0, 5).map(async (a) => ({
    assignment: a,
    plans: await get(`/api/assignment/assignments/${a.id}/work-plans`).catch(() => []),
    reports: await get(`/api/report/weekly-reports${query({ assignment: a.id, size: 20 })}`).catch(() => ({ items: [] })),
  })));
  fill(main,
    h('h1', {}, official.fullName),
    h('p', {}, `${official.position ?? ''} · ${official.ministryCode} · ${official.email ?? ''} ${official.phone ?? ''}`,
      official.dateOfBirth ? ` · ${day(official.dateOfBirth)}` : '',
      official.personalDataMasked ? h('span', { class: 'muted' }, ` (${MASKED()})`) : ''),
    h('h2', {}, t('of.assignments')),
    h('ul', { id: 'official-assignments', class: 'cards' }, held.map((a) => h('li', {},
      h('a', { href: `#/timeline?deployment=${a.deploymentId}` }, `${a.deploymentName} (${a.decisionNumber ?? ''})`),
      ` · ${a.provinceName ?? a.provinceCode ?? ''} · ${day(a.startDate)} – ${day(a.endDate)} · ${a.status}`))),
    perAssignment.map(({ assignment, plans, reports }) => h('section', { class: 'panel' },
      h('h2', {}, `${assignment.deploymentName}`),
      h('h3', {}, t('of.plans')),
      h('ul', {}, [].concat(plans.items ?? plans).map((p) => h('li', {}, `${p.week} · ${p.status ?? ''}`))),
      h('h3', {}, t('nav.reports')),
      h('ul', {}, (reports.items ?? []).map((r) => h('li', {}, `${r.week} · ${r.status}${r.overdue ? ` (${t('rp.overdue')})` : ''}`))))),
    h('h2', {}, t('of.visits')),
    h('ul', { id: 'official-visits' }, (visits.items ?? []).map((v) => h('li', {},
      `${day(v.visitDate)} · ${v.communeName ?? v.communeCode ?? ''}${v.companions?.length ? ` · +${v.companions.length}` : ''}`))));
}
