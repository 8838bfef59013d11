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
 * The incoming-chat alert: a visible banner (role=alert, so screen readers hear it at once), a chime, and a
 * count in the tab's title while the tab is in the background.
 */
export function createAlert(): { element: HTMLElement; raise: (text: string, goTo: () => void) => void } {
  const element = h('div', { class: 'incoming', role: 'alert' });
  return {
    element,
    raise(text, goTo) {
      element.replaceChildren(
        h('p', { class: 'incoming__text' }, text),
        h('button', { type: 'button', class: 'btn btn--small', onclick: () => { element.replaceChildren(); goTo(); } }, t('goToChat')),
      );
      chime();
      if (document.hidden) {
        unseen += 1;
        document.title = `(${unseen}) ${baseTitle}`;
      }
    },
  };
}
