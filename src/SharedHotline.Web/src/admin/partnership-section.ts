import type { RotaKommune } from '../shared/contracts';
import { h, replace, uid } from '../shared/dom';
import { ApiError, api } from '../shared/http';
import { announceChange } from './history-section';
import { clearErrors, showErrors } from './list-editor';
import { t } from './texts';

interface OverflowSetting {
  kommune: number;
  afterSeconds: number;
}

interface PartnershipSettingsView {
  id: string;
  name: string;
  members: RotaKommune[];
  serviceLevelSeconds: number;
  serviceLevelTarget: number;
  overflow: OverflowSetting | null;
  overflowCandidates: RotaKommune[];
}

/**
 * For a partnership's coordinator: its members, the service level its statistics and staffing check measure against,
 * and the overflow rule the routing follows; saved against the rota's ETag like any rota edit.
 */
export async function partnershipSection(partnershipId: string): Promise<HTMLElement> {
  const section = h('section', { class: 'card admin-section', 'aria-labelledby': `partnership-${partnershipId}-heading` });
  await load(section, partnershipId);
  return section;
}

async function load(section: HTMLElement, partnershipId: string): Promise<void> {
  const url = `/api/partnerships/${encodeURIComponent(partnershipId)}/settings`;
  const { body: view, etag } = await api<PartnershipSettingsView>(url);
  const input = (field: string, attributes: Record<string, string>) => {
    const element = h('input', { id: uid('partnership'), autocomplete: 'off', ...attributes });
    element.dataset.field = field;
    return element;
  };
  const threshold = input('serviceLevelSeconds', { type: 'number', min: '10', max: '600', step: '5', value: String(view.serviceLevelSeconds) });
  const target = input('serviceLevelTarget', { type: 'number', min: '50', max: '99', step: '1', value: String(Math.round(view.serviceLevelTarget * 100)) });
  const partner = h('select', { id: uid('partnership') }, h('option', { value: '' }, t('noOverflow')), ...view.overflowCandidates.map((k) => h('option', { value: String(k.kode) }, k.name)));
  partner.dataset.field = 'overflow.kommune';
  partner.value = view.overflow ? String(view.overflow.kommune) : '';
  const after = input('overflow.afterSeconds', { type: 'number', min: '0', max: '30', step: '0.5', value: String((view.overflow?.afterSeconds ?? 120) / 60) });
  const summary = h('div', { class: 'notice notice--error', role: 'alert', hidden: true, tabindex: '-1' });
  const status = h('p', { role: 'status' });
  const save = h('button', { type: 'submit', class: 'btn' }, t('save'));
  const field = (label: string, control: HTMLElement, hint?: string) =>
    h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hint ? h('p', { class: 'muted' }, hint) : null);
  const form = h(
    'form',
    { novalidate: true },
    summary,
    field(t('serviceLevelSeconds'), threshold),
    field(t('serviceLevelTarget'), target, t('serviceLevelHint')),
    field(t('overflowPartner'), partner, t('overflowHint')),
    field(t('overflowAfter'), after),
    status,
    h('div', { class: 'actions' }, save),
  );
  let version = etag;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    status.textContent = t('saving');
    clearErrors(form, summary);
    const document = {
      serviceLevelSeconds: Number(threshold.value),
      serviceLevelTarget: Number(target.value) / 100,
      overflow: partner.value ? { kommune: Number(partner.value), afterSeconds: Math.round(Number(after.value) * 60) } : null,
    };
    try {
      const saved = await api(url, { method: 'PUT', body: JSON.stringify(document), headers: { 'If-Match': version ?? '*' } });
      version = saved.etag;
      status.textContent = t('partnershipSaved');
      announceChange();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        replace(status, t('partnershipStale'), ' ', h('button', { type: 'button', class: 'btn btn--secondary btn--small', onclick: () => void load(section, partnershipId) }, t('reload')));
      } else if (error instanceof ApiError && error.problem.errors) {
        status.textContent = '';
        showErrors(form, summary, error.problem.errors);
        summary.focus();
      } else {
        status.textContent = t('failed');
      }
    } finally {
      save.disabled = false;
    }
  });
  replace(
    section,
    h('h2', { id: `partnership-${partnershipId}-heading` }, t('partnershipHeading', { name: view.name })),
    h('p', { class: 'muted' }, t('partnershipIntro')),
    h('p', null, t('members'), ' ', view.members.map((k) => k.name).join(', ')),
    form,
  );
}
