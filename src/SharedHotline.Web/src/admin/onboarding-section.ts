import { h, uid } from '../shared/dom';
import { ApiError, api, getJson } from '../shared/http';
import { clearErrors, showErrors } from './list-editor';
import { t } from './texts';

interface PartnershipSummary {
  id: string;
  name: string;
}

/** For a platform admin: a new kommune, its partnership and its first admin account in one step. */
export async function onboardingSection(): Promise<HTMLElement> {
  const partnerships = await getJson<PartnershipSummary[]>('/api/platform/partnerships');
  const inputs: Record<string, HTMLInputElement | HTMLSelectElement> = {};
  const field = (name: string, label: string, input: HTMLInputElement | HTMLSelectElement) => {
    input.id = uid('onboard');
    input.dataset.field = name;
    inputs[name] = input;
    return h('div', { class: 'field' }, h('label', { for: input.id }, label), input);
  };
  const text = (type = 'text') => h('input', { type, autocomplete: 'off' });
  const partnership = h('select', null, h('option', { value: '' }, t('noPartnership')), ...partnerships.map((p) => h('option', { value: p.id }, p.name)));
  const summary = h('div', { class: 'notice notice--error', role: 'alert', hidden: true, tabindex: '-1' });
  const status = h('p', { role: 'status' });
  const form = h(
    'form',
    { class: 'card admin-section', 'aria-labelledby': 'onboarding-heading', novalidate: true },
    h('h2', { id: 'onboarding-heading' }, t('onboarding')),
    h('p', { class: 'muted' }, t('onboardingIntro')),
    summary,
    field('kode', t('kode'), text('number')),
    field('slug', t('slug'), text()),
    field('name', t('kommuneName'), text()),
    field('nameGenitive', t('genitive'), text()),
    field('referencePrefix', t('prefix'), text()),
    field('partnershipId', t('partnershipChoice'), partnership),
    field('admin.userName', t('adminUser'), text()),
    field('admin.displayName', t('adminName'), text()),
    field('admin.password', t('adminPassword'), h('input', { type: 'password', autocomplete: 'new-password' })),
    status,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn' }, t('onboard'))),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const v = (name: string) => inputs[name].value.trim();
    try {
      await api('/api/platform/kommuner', {
        method: 'POST',
        body: JSON.stringify({
          kode: Number(v('kode')),
          slug: v('slug'),
          name: v('name'),
          nameGenitive: v('nameGenitive') || null,
          referencePrefix: v('referencePrefix') || null,
          partnershipId: v('partnershipId') || null,
          admin: { userName: v('admin.userName'), displayName: v('admin.displayName'), password: inputs['admin.password'].value },
        }),
      });
      status.textContent = t('onboarded', { name: v('name'), user: v('admin.userName') });
      form.reset();
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors) {
        showErrors(form, summary, error.problem.errors);
        summary.focus();
      } else {
        status.textContent = t('failed');
      }
    }
  });
  return form;
}
