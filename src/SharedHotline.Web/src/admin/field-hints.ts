import { lang } from '../shared/i18n';

/**
 * What to do about a refused field, in Danish, by the field's name as the server's validation problem gives it
 * (`cannedAnswers[4].text` → `cannedAnswers.text`). The server words its messages in English; the English page shows
 * those as they are.
 */
const danish: Record<string, string> = {
  ownHours: 'En åbningstid må ikke overlappe en anden samme dag.',
  'ownHours.day': 'Vælg en ugedag.',
  'ownHours.from': 'Skriv tiden som tt:mm, fx 09:00.',
  'ownHours.to': 'Skriv tiden som tt:mm; åbningstiden skal slutte, efter den begynder.',
  websiteOrigins: 'Skriv kun webstedets adresse, https:// og navnet, fx https://www.furesoe.dk – uden sti bagefter, og hvert websted én gang.',
  colour: 'Vælg en mørkere farve: hvid tekst på farven skal have en kontrast på mindst 4,5:1.',
  topics: 'Behold mindst ét emne. Et emne, som borgerne booker telefonmøder om, kan først fjernes, når det ikke længere kan bookes (under Telefonmøder).',
  'topics.code': 'Koden skal være små bogstaver, tal og bindestreger, fx digital-post, og hvert emne må kun stå én gang.',
  'topics.name': 'Skriv emnets navn på dansk (højst 60 tegn).',
  'topics.nameEn': 'Det engelske navn må højst være 60 tegn.',
  'cannedAnswers.title': 'Skriv en titel (højst 80 tegn).',
  'cannedAnswers.text': 'Skriv svarets tekst (højst 2000 tegn).',
  'selfServiceLinks.title': 'Skriv linkets titel (højst 80 tegn).',
  'selfServiceLinks.url': 'Skriv hele adressen på siden, fx https://www.borger.dk/pas.',
  retentionDays: 'Vælg mellem 1 og 3650 dage.',
  'pages.pattern': 'Skriv stien fra første /, med * for vilkårlige tegn, fx /borger/pas*.',
  'pages.topic': 'Vælg et af kommunens emner.',
  'pages.delaySeconds': 'Vælg mellem 0 og 3600 sekunder (0: kun når et selvbetjeningstrin fejler).',
  text: 'Skriv invitationens tekst (højst 200 tegn).',
  textEn: 'Skriv invitationens engelske tekst (højst 200 tegn).',
  hours: 'Et tidsrum må ikke overlappe et andet samme dag.',
  'hours.day': 'Vælg en ugedag.',
  'hours.from': 'Skriv tiden som tt:mm, fx 09:00.',
  'hours.to': 'Skriv tiden som tt:mm; tidsrummet skal slutte, efter det begynder.',
  maxWaitSeconds: 'Vælg mellem 0 og 600 sekunder.',
  sharedStaffInOwnHoursWaitSeconds: 'Vælg mellem 0 og 120 minutter.',
  userName: 'Brugernavnet skal være 2-64 små bogstaver, tal, punktummer eller bindestreger, fx nora.fureso, og må ikke være optaget.',
  displayName: 'Skriv navnet, som kolleger og borgere ser.',
  password: 'Kodeordet skal have mindst 12 tegn.',
  roles: 'Vælg mindst én rolle. Du kan ikke fjerne din egen administratorrolle – bed en anden administrator.',
  skills: 'Vælg blandt kommunens emner.',
  capacity: 'En agent tager 1 til 10 chats ad gangen.',
  kode: 'Skriv kommunens kommunekode med tre cifre, fx 173, som ikke allerede findes på platformen.',
  slug: 'Skriv adressenavnet med små bogstaver a-z, tal og bindestreger, fx lyngby-taarbaek, som ingen anden kommune har.',
  name: 'Skriv kommunens navn, fx Lyngby-Taarbæk.',
  referencePrefix: 'Skriv tre store bogstaver A-Z, som ingen anden kommune bruger.',
  partnershipId: 'Vælg et partnerskab.',
  'admin.userName': 'Skriv administratorens brugernavn, fx admin.lyngby, som ikke er optaget.',
  'admin.displayName': 'Skriv administratorens navn.',
  'admin.password': 'Kodeordet skal have mindst 12 tegn.',
  serviceLevelSeconds: 'Vælg mellem 10 og 600 sekunder.',
  serviceLevelTarget: 'Vælg en andel mellem 50 og 99 %.',
  'overflow.kommune': 'Vælg en kommune uden for partnerskabet.',
  'overflow.afterSeconds': 'Vælg mellem 0 og 30 minutter.',
};

export function fieldHint(field: string, messages: string[]): string {
  if (lang === 'en') {
    return messages.join(' ');
  }

  return danish[field.replace(/\[\d+\]/g, '')] ?? messages.join(' ');
}
