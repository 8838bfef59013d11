import type { TransferTarget } from '../shared/contracts';
import { h, replace, uid } from '../shared/dom';
import type { AgentLine } from './agent-line';
import type { Lookups } from './lookups';
import { t } from './texts';

/**
 * Transfer: to a colleague the server says may take the chat now (the same slot first, then the citizen's own
 * kommune), or back to the queue, with an optional handover note the next agent reads among the internal notes.
 */
export class TransferForm {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly note: HTMLTextAreaElement;

  constructor(
    private readonly line: AgentLine,
    private readonly lookups: Lookups,
    private readonly chatId: string,
    private readonly citizenKommune: string,
    send: (toAgentId: string | null, note: string) => void,
  ) {
    const selectId = uid('transfer');
    const noteId = uid('handover');
    this.select = h('select', { id: selectId }, h('option', { value: '' }, t('backToQueue')));
    // Colleagues come and go: the list is asked again when the agent turns to it.
    this.select.addEventListener('focus', () => void this.load());
    this.note = h('textarea', { id: noteId, rows: '2', maxlength: '4000', 'aria-describedby': `${noteId}-hint` });
    this.element = h(
      'div',
      { class: 'transfer' },
      h('label', { for: selectId }, t('transferTo')),
      h('div', { class: 'transfer__row' }, this.select),
      h('label', { for: noteId }, t('handoverLabel')),
      h('span', { id: `${noteId}-hint`, class: 'field__hint' }, t('handoverHint')),
      this.note,
      h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => send(this.select.value || null, this.note.value) }, t('transfer')),
    );
    void this.load();
  }

  private async load(): Promise<void> {
    let targets: TransferTarget[];
    try {
      targets = await this.line.transferTargets(this.chatId);
    } catch {
      return;
    }

    const chosen = this.select.value;
    const option = (c: TransferTarget) =>
      h('option', { value: c.agentId, disabled: !c.canTakeChat }, `${c.name} (${this.lookups.kommuneName(c.homeKommune)})${c.canTakeChat ? '' : ` – ${t('targetFull')}`}`);
    const group = (label: string, list: TransferTarget[]) => (list.length ? h('optgroup', { label }, ...list.map(option)) : null);
    const onSlot = targets.filter((c) => c.onSlot);
    const own = targets.filter((c) => !c.onSlot && c.homeKommune === this.citizenKommune);
    const others = targets.filter((c) => !c.onSlot && c.homeKommune !== this.citizenKommune);
    replace(
      this.select,
      h('option', { value: '' }, t('backToQueue')),
      group(t('targetsOnSlot'), onSlot),
      group(t('targetsOwnKommune', { kommune: this.lookups.kommuneName(this.citizenKommune) }), own),
      group(t('targetsOthers'), others),
    );
    this.select.value = targets.some((c) => c.agentId === chosen && c.canTakeChat) ? chosen : '';
    this.select.dataset.loaded = 'true';
  }
}
