// Timeline: a round and its officials as a Gantt over months, the amendments visible (the period before a
// reschedule dashed), "as of" a chosen day; from GET /api/assignment/deployments and /deployments/{id}/timeline.
import { get, query } from '../api.js';
import { h, fill, field } from '../dom.js';
import { t, day } from '../i18n.js';
import { today } from './side-by-side.js';

const DAY = 86_400_000;
const time = (iso) => Date.parse(`${iso}T00:00:00Z`);

/** The version in force on a day: the last revision effective by then (the first one before any). */
function asOf(revisions, date) {
  const inForce = revisions.filter((r) => r.effectiveFrom <= date);
  return inForce.length ? inForce[inForce.length - 1] : null;
}

export async function render(main, { params }) {
  const page = await get(`/api/assignment/deployments${query({ size: 100, sort: '-startDate' })}`);
  const deployments = page.items ?? [];
  if (!deployments.length) {
    fill(main, h('h1', {}, t('tl.title')), h('p', {}, t('tl.none')));
    return;
  }
  const id = params.get('deployment') || deployments[0].id;
  const date = params.get('asOf') || today();
  const timeline = await get(`/api/assignment/deployments/${id}/timeline`);

  const select = h('select', { id: 'deployment' }, deployments.map((d) => h('option', { value: d.id, selected: d.id === id },
    `${d.ministryCode} · ${d.decision?.number ?? ''} · ${d.name}`)));
  const asOfInput = h('input', { type: 'date', id: 'as-of', value: date });
  const form = h('form', { class: 'controls', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/timeline${query({ deployment: select.value, asOf: asOfInput.value })}`;
  } }, field(t('tl.deployment'), select), field(t('tl.asOf'), asOfInput), h('button', { type: 'submit' }, t('sbs.show')));

  const start = time(timeline.from);
  const span = Math.max(DAY, time(timeline.to) + DAY - start);
  const place = (bar, from, to) => {
    bar.style.left = `${((time(from) - start) / span) * 100}%`;
    bar.style.width = `${Math.max(0.5, ((time(to) + DAY - time(from)) / span) * 100)}%`;
    return bar;
  };
  /** One row: the version in force as of the day, and the earlier periods dashed when it was moved. */
  const row = (label, revisions, current) => {
    const now = asOf(revisions, date) ?? current;
    const track = h('div', { class: 'track' });
    for (const old of revisions.filter((r) => r !== now && (r.startDate !== now.startDate || r.endDate !== now.endDate))) {
      track.append(place(h('span', { class: 'bar old', title: `${t('tl.old')}: ${day(old.startDate)} – ${day(old.endDate)}` }), old.startDate, old.endDate));
    }
    track.append(place(h('span', { class: 'bar', title: `${day(now.startDate)} – ${day(now.endDate)}` }), now.startDate, now.endDate));
    return [h('div', {}, label, h('br'), h('small', { class: 'muted' }, t('tl.period', { from: day(now.startDate), to: day(now.endDate) }))),
      track];
  };

  const months = [];
  for (let d = new Date(start); d.getTime() < start + span; d.setUTCMonth(d.getUTCMonth() + 1, 1)) {
    months.push(`${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`);
  }

  fill(main,
    h('h1', {}, t('tl.title')),
    form,
    h('h2', {}, `${timeline.name} (${timeline.decisionNumber ?? ''})`),
    h('p', { class: 'muted' }, months.join(' · ')),
    h('div', { class: 'gantt', id: 'gantt', role: 'list' },
      h('div', { role: 'listitem', class: 'gantt-row' }, row(h('strong', {}, t('tl.deployment')), timeline.milestones, timeline)),
      timeline.bars.map((bar) => h('div', { role: 'listitem', class: 'gantt-row', 'data-assignment': bar.assignmentId },
        row(`${bar.officialName}${bar.leadTitle ? ` (${bar.leadTitle})` : ''} · ${bar.provinceName ?? ''}`, bar.revisions, bar)))),
    h('h2', {}, t('tl.milestones')),
    h('ol', { id: 'milestones' }, timeline.milestones.map((m) => h('li', {},
      `${day(m.effectiveFrom)}: ${m.change} ${m.decisionNumber ?? ''} → ${day(m.startDate)} – ${day(m.endDate)}`,
      m.reason ? ` (${m.reason})` : ''))),
    timeline.stops?.length ? [h('h2', {}, t('tl.stops')), h('ol', {}, timeline.stops.map((s) => h('li', {},
      `${s.provinceName ?? s.provinceCode}: ${day(s.startDate)} – ${day(s.endDate)}`)))] : null);
}
