import { h } from '../shared/dom';
import { t } from './texts';

let audio: AudioContext | null = null;
const soundKey = 'sharedhotline:agent-sound';

/** Browsers allow sound only after the user has interacted with the page: unlock on the first click or key. */
function unlock(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
  } catch {
    audio = null;
  }
}

document.addEventListener('pointerdown', unlock);
document.addEventListener('keydown', unlock);

export const sound = {
  get on(): boolean {
    return localStorage.getItem(soundKey) !== 'off';
  },
  set on(value: boolean) {
    localStorage.setItem(soundKey, value ? 'on' : 'off');
  },
};

/** Two short tones, quiet enough not to startle. */
function chime(): void {
  if (!sound.on || !audio || audio.state !== 'running') {
    return;
  }

  const start = audio.currentTime;
  [880, 660].forEach((frequency, i) => {
    const oscillator = audio!.createOscillator();
    const gain = audio!.createGain();
    const at = start + i * 0.18;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    oscillator.connect(gain).connect(audio!.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.32);
  });
}

const baseTitle = document.title;
let unseen = 0;

document.addEventListener('visibilitychange', () => {
  if (!document.hidden) {
    unseen = 0;
    document.title = baseTitle;
  }
});

/**
 * The incoming-chat alert: a visible banner per offered chat (inside one role=alert region, so screen readers hear
 * it at once), a chime, and a count in the tab's title while the tab is in the background. A banner goes when its
 * chat is accepted or leaves the desk, so what is left is what still waits for the agent.
 */
export interface IncomingAlert {
  element: HTMLElement;
  raise: (chatId: string, text: string, goTo: () => void) => void;
  clear: (chatId: string) => void;
}

export function createAlert(): IncomingAlert {
  const element = h('div', { class: 'incoming', role: 'alert' });
  const shown = new Map<string, HTMLElement>();
  const clear = (chatId: string): void => {
    shown.get(chatId)?.remove();
    shown.delete(chatId);
  };
  return {
    element,
    clear,
    raise(chatId, text, goTo) {
      clear(chatId);
      const item = h(
        'div',
        { class: 'incoming__item', 'data-chat-id': chatId },
        h('p', { class: 'incoming__text' }, text),
        h('button', { type: 'button', class: 'btn btn--small', onclick: () => { clear(chatId); goTo(); } }, t('goToChat')),
      );
      shown.set(chatId, item);
      element.append(item);
      chime();
      if (document.hidden) {
        unseen += 1;
        document.title = `(${unseen}) ${baseTitle}`;
      }
    },
  };
}
