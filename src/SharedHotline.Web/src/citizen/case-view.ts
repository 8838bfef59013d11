import type { CaseStatus, CaseStep, FreeTime } from '../shared/contracts';
import { h, replace } from '../shared/dom';
import { ApiError, api, getJson } from '../shared/http';
import { createHub, startHub } from '../shared/hub';
import { clock, day } from '../shared/time';
import { page } from './page';
import { t } from './texts';

// The page is told of every change over the citizen hub; the slow poll only covers a signal lost while Redis was away.
const refreshEvery = 60_000;

/**
 * The private status page of a telefonmøde or message (`/{kommune}/sag/{reference}?t=...`): where the case is, in
 * plain words, each step with when it happened, updated live while the page is open (the citizen hub's
 * `CaseChanged`); cancel or move while it may be changed.
 */
export function caseView(reference: string, token: string): HTMLElement {
  const view = h('section', { class: 'card view view--case', 'aria-labelledby': 'case-heading' });
  const url = `/api/kommuner/${encodeURIComponent(page.slug)}/cases/${encodeURIComponent(reference)}`;
  const query = `?t=${encodeURIComponent(token)}`;
  const live = h('div', { 'aria-live': 'polite' });
  view.append(h('h1', { id: 'case-heading' }, t('caseTitle', { reference })), live);
  let timer = 0;

  const render = (status: CaseStatus) => {
    const when = status.start ? `${day(status.start)} ${clock(status.start)}` : null;
    replace(
      live,
      h('p', { class: 'case-state', 'data-state': status.state }, stateText(status.state)),
      h('p', null, status.kind === 'meeting' ? t('caseMeeting', { topic: status.topicName, when: when ?? '', kommune: page.officialName }) : t('caseMessage', { topic: status.topicName, kommune: page.officialName })),
      h('ol', { class: 'case-steps' }, ...status.steps.map((s) => h('li', null, h('span', { class: 'case-steps__when' }, `${day(s.at)} ${clock(s.at)}`), ' ', stepText(s)))),
      status.changeable && status.kind === 'meeting' ? mover(status) : null,
      status.changeable
        ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => void cancel() }, status.kind === 'meeting' ? t('cancelMeeting') : t('cancelMessage')))
        : null,
    );
  };
  // The move form keeps its choice across refreshes: it is built once per case and only refilled on demand.
  let moveForm: HTMLElement | null = null;
  const mover = (status: CaseStatus): HTMLElement => {
    if (moveForm) {
      return moveForm;
    }

    const select = h('select', { id: 'move-time' }, h('option', { value: '' }, t('chooseTime')));
    const problem = h('p', { class: 'notice notice--error', role: 'alert', hidden: true });
    const fill = async () => {
      const free = await getJson<FreeTime[]>(`/api/kommuner/${encodeURIComponent(page.slug)}/meetings/${encodeURIComponent(status.topic)}/free`).catch(() => []);
      replace(select, h('option', { value: '' }, free.length ? t('chooseTime') : t('noFreeTimes')), ...free.map((x) => h('option', { value: x.start }, `${day(x.start)} ${clock(x.start)}`)));
    };
    const move = async () => {
      problem.hidden = true;
      if (!select.value) {
        problem.textContent = t('timeRequired');
        problem.hidden = false;
        return;
      }

      try {
        render((await api<CaseStatus>(`${url}/move${query}`, { method: 'POST', body: JSON.stringify({ start: select.value }) })).body);
        void fill();
      } catch {
        problem.textContent = t('timeTaken');
        problem.hidden = false;
        void fill();
      }
    };
    void fill();
    moveForm = h(
      'div',
      { class: 'field case-move' },
      h('label', { for: 'move-time' }, t('moveMeeting')),
      select,
      problem,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn', onclick: () => void move() }, t('moveButton'))),
    );
    return moveForm;
  };
  const load = async () => {
    try {
      render(await getJson<CaseStatus>(url + query));
    } catch (error) {
      window.clearInterval(timer);
      replace(live, h('p', { class: 'notice notice--error', role: 'alert' }, error instanceof ApiError && error.status === 404 ? t('caseNotFound') : t('statusFailed')));
    }
  };
  const cancel = async () => {
    try {
      render((await api<CaseStatus>(`${url}/cancel${query}`, { method: 'POST' })).body);
    } catch {
      await load();
    }
  };
  void load();
  timer = window.setInterval(() => void load(), refreshEvery);
  void follow(reference, token, () => void load());
  return view;
}

/** Follows the case over the citizen hub, again after every reconnect (and fetches once then: a change may have been missed). */
async function follow(reference: string, token: string, changed: () => void): Promise<void> {
  const connection = createHub('/hubs/citizen');
  const join = () => connection.invoke('FollowCase', page.slug, reference, token);
  connection.on('CaseChanged', changed);
  connection.on('Resync', changed);
  connection.onreconnected(() => {
    void join().then(changed, () => {});
  });
  connection.onclose(() => {
    void startHub(connection, () => {}).then(() => join().then(changed, () => {}));
  });
  await startHub(connection, () => {});
  await join().catch(() => {});
}

function stateText(state: CaseStatus['state']): string {
  switch (state) {
    case 'received':
      return t('caseReceived');
    case 'assigned':
      return t('caseAssigned');
    case 'reached':
      return t('caseReached');
    case 'not-reached':
      return t('caseNotReached');
    case 'closed':
      return t('caseClosed');
    default:
      return t('caseCancelled');
  }
}

function stepText(step: CaseStep): string {
  switch (step.step) {
    case 'received':
      return t('stepReceived');
    case 'taken':
      return t('stepTaken');
    case 'reached':
      return t('stepReached');
    case 'not-reached':
      return t('stepNotReached');
    case 'moved':
      return t('stepMoved', { when: step.meetingStart ? `${day(step.meetingStart)} ${clock(step.meetingStart)}` : '' });
    case 'closed':
      return t('stepClosed');
    default:
      return t('stepCancelled');
  }
}
