import type { InvitationAnswer, InvitationContext, InvitationRulesView } from '../shared/contracts';
import { announce, h } from '../shared/dom';
import { getJson } from '../shared/http';
import { lang } from '../shared/i18n';
import { page } from './page';
import { t } from './texts';

/** The page of the kommune's website the widget is on, as the loader tells it (origin and path, title). */
export interface HostPage {
  url: string;
  title: string;
  declinedToday: boolean;
}

export interface InvitationHooks {
  /** Where the invitation is shown (above the launcher). */
  slot: HTMLElement;
  /** Whether a chat is going on (then nobody is invited). */
  busy: () => boolean;
  /** The citizen accepted: start the chat about the topic with the page as context. */
  accept: (topic: string, context: InvitationContext) => void;
  /** Tells the loader: an invitation is shown (for Escape on the host page), or gone; declined or ignored: remember it today. */
  shown: (visible: boolean, remember: boolean) => void;
}

const matches = (pattern: string, path: string) =>
  new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i').test(path);

/**
 * Proactive chat in the widget's frame: on a page the kommune's rules name, after its seconds on the page or when
 * the page reports a failed self-service step, asks the server whether to invite. The server says yes only when
 * someone is free to answer; the invitation is polite (no focus taken, announced once), dismissible (No thanks,
 * the close button, Escape) and goes when its held place runs out. Nothing identifies the citizen to the server.
 */
export class Invitations {
  private rules: InvitationRulesView | null = null;
  private host: HostPage | null = null;
  private asked = false;
  private timer = 0;
  private dismiss: ((remember: boolean, declined: boolean) => void) | null = null;

  constructor(private readonly hooks: InvitationHooks) {}

  async start(host: HostPage): Promise<void> {
    this.host = host;
    if (host.declinedToday) {
      return;
    }

    try {
      this.rules = await getJson<InvitationRulesView>(`/api/kommuner/${encodeURIComponent(page.slug)}/invitations/rules`);
    } catch {
      return;
    }

    const rule = this.rule();
    if (rule && rule.delaySeconds > 0) {
      this.timer = window.setTimeout(() => void this.ask('time', null), rule.delaySeconds * 1000);
    }
  }

  /** The page reported a failed self-service step (window.sharedhotline.push(['selfServiceFailed', { topic }])). */
  failedStep(topic: string | null): void {
    if (this.rules?.onFailedStep && this.rule()) {
      window.clearTimeout(this.timer);
      void this.ask('failed-step', topic);
    }
  }

  /** Escape on the host page closes a shown invitation, as Escape inside the frame does. */
  close(): void {
    this.dismiss?.(true, true);
  }

  private rule() {
    if (!this.rules?.enabled || !this.host) {
      return null;
    }

    const path = new URL(this.host.url).pathname;
    return this.rules.pages.find((p) => matches(p.pattern, path)) ?? null;
  }

  private async ask(trigger: 'time' | 'failed-step', topic: string | null): Promise<void> {
    if (this.asked || !this.host || this.hooks.busy()) {
      return;
    }

    this.asked = true;
    try {
      // No cookie goes with the question, even to a browser signed in as staff on the hotline.
      const response = await fetch(`/api/kommuner/${encodeURIComponent(page.slug)}/invitations`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ pageUrl: this.host.url, pageTitle: this.host.title, trigger, topic, lang }),
      });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`);
      }

      const body = (await response.json()) as InvitationAnswer;
      if (body.invite && body.invitationId && body.topic && !this.hooks.busy()) {
        this.show(body);
      } else if (!body.invite && trigger === 'time') {
        // Nobody free now: a failed step later may still ask again.
        this.asked = false;
      }
    } catch {
      this.asked = false;
    }
  }

  private show(invitation: InvitationAnswer): void {
    const id = invitation.invitationId!;
    const heading = h('p', { class: 'invitation__text', id: 'invitation-text' }, invitation.text ?? '');
    const accept = h('button', { type: 'button', class: 'btn' }, t('invitationAccept'));
    const decline = h('button', { type: 'button', class: 'btn btn--secondary' }, t('invitationDecline'));
    const close = h('button', { type: 'button', class: 'invitation__close', 'aria-label': t('invitationClose'), title: t('invitationClose') }, h('span', { 'aria-hidden': 'true' }, '×'));
    const card = h(
      'section',
      { class: 'invitation', role: 'region', 'aria-label': t('invitationLabel', { kommune: page.officialName }), 'aria-describedby': 'invitation-text' },
      close,
      heading,
      h('div', { class: 'invitation__actions' }, accept, decline),
    );
    const expiry = window.setTimeout(() => done(true, false), invitation.expiresInSeconds * 1000);
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        done(true, true);
      }
    };
    const done = (remember: boolean, declined: boolean) => {
      window.clearTimeout(expiry);
      document.removeEventListener('keydown', onKey);
      this.dismiss = null;
      const hadFocus = card.contains(document.activeElement);
      card.remove();
      this.hooks.shown(false, remember);
      if (declined) {
        void fetch(`/api/kommuner/${encodeURIComponent(page.slug)}/invitations/${encodeURIComponent(id)}/decline`, { method: 'POST', credentials: 'omit' }).catch(() => undefined);
      }

      if (hadFocus) {
        this.hooks.slot.parentElement?.querySelector<HTMLElement>('button.launcher')?.focus();
      }
    };
    this.dismiss = done;
    accept.addEventListener('click', () => {
      done(false, false);
      this.hooks.accept(invitation.topic!, { invitationId: id, pageUrl: this.host!.url, pageTitle: this.host!.title || null });
    });
    decline.addEventListener('click', () => done(true, true));
    close.addEventListener('click', () => done(true, true));
    document.addEventListener('keydown', onKey);
    this.hooks.slot.replaceChildren(card);
    this.hooks.shown(true, false);
    announce(t('invitationAnnounce', { text: invitation.text ?? '' }));
  }
}
