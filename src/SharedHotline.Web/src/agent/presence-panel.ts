import type { AgentSession, Presence } from '../shared/contracts';
import { h } from '../shared/dom';
import { sound } from './alert';
import { t } from './texts';

const presenceKey = 'sharedhotline:presence';

/** The presence the agent chose in this tab, restored after a reload or reconnect. */
export const chosenPresence = {
  get(): Presence | null {
    const value = sessionStorage.getItem(presenceKey);
    return value === 'Available' || value === 'Away' ? value : null;
  },
  set(value: Presence): void {
    sessionStorage.setItem(presenceKey, value);
  },
};

/** Available / away, with the chats the agent has against their capacity, and the chime switch. */
export class PresencePanel {
  readonly element: HTMLElement;
  private readonly available = h('input', { type: 'radio', name: 'presence', value: 'Available' });
  private readonly away = h('input', { type: 'radio', name: 'presence', value: 'Away' });
  private readonly now = h('p', { class: 'presence-now', role: 'status' });
  private readonly load = h('p', { class: 'muted' });

  constructor(choose: (presence: Presence) => void) {
    for (const radio of [this.available, this.away]) {
      radio.addEventListener('change', () => radio.checked && choose(radio.value as Presence));
    }

    const soundSwitch = h('input', { type: 'checkbox', checked: sound.on });
    soundSwitch.addEventListener('change', () => (sound.on = soundSwitch.checked));
    this.element = h(
      'section',
      { class: 'card side-section', 'aria-labelledby': 'presence-heading' },
      h('h2', { id: 'presence-heading' }, t('presence')),
      h(
        'fieldset',
        { class: 'presence' },
        h('legend', { class: 'visually-hidden' }, t('presence')),
        h('label', { class: 'presence__option presence__option--available' }, this.available, t('available')),
        h('label', { class: 'presence__option presence__option--away' }, this.away, t('away')),
      ),
      this.now,
      this.load,
      h('label', { class: 'choice' }, soundSwitch, t('sound')),
    );
  }

  /** The presence last shown (the server's word for it); null before the first session arrives. */
  get current(): Presence | null {
    return (this.now.dataset.presence as Presence | undefined) ?? null;
  }

  show(session: AgentSession, activeChats: number): void {
    this.available.checked = session.presence === 'Available';
    this.away.checked = session.presence === 'Away';
    const word = session.presence === 'Available' ? t('available') : session.presence === 'Away' ? t('away') : t('offline');
    this.now.textContent = t('presenceNow', { presence: word.toLowerCase() });
    this.now.dataset.presence = session.presence;
    this.load.textContent = `${t('load', { n: activeChats, capacity: session.capacity })}. ${t('presenceHint', { capacity: session.capacity })}`;
  }
}
