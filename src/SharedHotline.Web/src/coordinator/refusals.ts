import { translator } from '../shared/i18n';

const da = {
  date_out_of_range: 'Vagter kan kun ændres fra i dag og op til to år frem. Vælg en dato i det tidsrum, eller fortryd ændringen.',
  exception_exists: 'Vagten {when} er allerede ændret eller aflyst i den udgivne vagtplan, måske af en kollega. Hent den nyeste vagtplan, se vagten, og lav din ændring igen – eller fortryd den.',
  no_slot_on_date: 'Der er ingen vagt {when} i den udgivne vagtplan længere. Hent den nyeste vagtplan, og lav ændringen igen, hvis den stadig skal laves.',
  not_a_closed_day: 'Dagen er hverken helligdag eller lukkedag, så der er intet at åbne. Vælg en anden dag.',
  agent_not_rostered: 'Medarbejderen, der skal byttes væk, er ikke på vagten den dag. Vælg en, der er på vagten.',
  pattern_overlap: 'De nye tider overlapper en anden vagt, som samme kommune har ansvaret for. Vælg andre tider, ændr kun denne dag, eller fortryd ændringen.',
  unknown_slot: 'Vagten findes ikke længere i vagtplanen. Hent den nyeste vagtplan.',
  agents: 'En af medarbejderne kan ikke sættes på vagten: de skal høre til en kommune i partnerskabet. Vælg andre medarbejdere, eller fortryd ændringen.',
  times: 'Tiderne kan ikke bruges: start og slut skal være gyldige klokkeslæt, og en vagt kan højst vare et døgn. Ret tiderne, eller fortryd ændringen.',
  other: 'Ændringen blev afvist af vagtplanens regler. Ret den, eller fortryd den og prøv en anden ændring.',
  forbidden: 'Du må ikke ændre denne vagtplan. Kun partnerskabets koordinatorer og medlemskommunernes administratorer må.',
  notFound: 'Vagten eller mønstret findes ikke længere. Hent den nyeste vagtplan.',
  failed: 'Ændringen kunne ikke udgives lige nu. Prøv igen om lidt; den er gemt her imens.',
  detail: 'Serverens besked',
} as const;

const en: { [K in keyof typeof da]: string } = {
  date_out_of_range: 'Shifts can only be changed from today up to two years ahead. Choose a date in that time, or undo the change.',
  exception_exists: 'The shift {when} is already changed or cancelled in the published rota, perhaps by a colleague. Load the latest rota, look at the shift, and make your change again – or undo it.',
  no_slot_on_date: 'There is no longer a shift {when} in the published rota. Load the latest rota, and make the change again if it is still needed.',
  not_a_closed_day: 'The day is neither a public holiday nor a closed day, so there is nothing to open. Choose another day.',
  agent_not_rostered: 'The staff member to be swapped out is not on the shift that day. Choose one who is.',
  pattern_overlap: 'The new times overlap another shift the same kommune is responsible for. Choose other times, change only this day, or undo the change.',
  unknown_slot: 'The shift no longer exists in the rota. Load the latest rota.',
  agents: 'One of the staff cannot be put on the shift: they must belong to a kommune of the partnership. Choose other staff, or undo the change.',
  times: 'The times cannot be used: start and end must be valid times, and a shift lasts at most a day. Correct the times, or undo the change.',
  other: 'The rota’s rules refused the change. Correct it, or undo it and try another change.',
  forbidden: 'You may not change this rota. Only the partnership’s coordinators and its member kommuner’s administrators may.',
  notFound: 'The shift or pattern no longer exists. Load the latest rota.',
  failed: 'The change could not be published just now. Please try again shortly; it is kept here meanwhile.',
  detail: 'The server’s message',
};

export const refusalTexts = translator(da, en);

/** What the server said, as the page keeps it: the status, the rules broken, the fields and its own (English) words. */
export interface Refusal {
  status: number;
  rules: string[];
  fields: string[];
  detail: string;
}

const known = ['date_out_of_range', 'exception_exists', 'no_slot_on_date', 'not_a_closed_day', 'agent_not_rostered', 'pattern_overlap', 'unknown_slot'] as const;

/** A refused publish in the coordinator's language, saying what to do; `when` names the shift. */
export function refusalText(refusal: Refusal, when: string): string {
  if (refusal.status === 403) {
    return refusalTexts('forbidden');
  }

  if (refusal.status === 404) {
    return refusalTexts('notFound');
  }

  if (refusal.status !== 400) {
    return refusalTexts('failed');
  }

  const rule = known.find((r) => refusal.rules.includes(r));
  if (rule) {
    return refusalTexts(rule, { when });
  }

  if (refusal.fields.some((f) => f.toLowerCase().includes('agent'))) {
    return refusalTexts('agents');
  }

  if (refusal.fields.some((f) => ['start', 'end', 'overnight', 'days'].includes(f))) {
    return refusalTexts('times');
  }

  return refusalTexts('other');
}
