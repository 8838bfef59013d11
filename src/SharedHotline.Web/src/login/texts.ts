import { translator } from '../shared/i18n';

const da = {
  heading: 'Log ind',
  intro: 'For medarbejdere og koordinatorer på hotlinen.',
  userName: 'Brugernavn',
  password: 'Adgangskode',
  signIn: 'Log ind',
  signingIn: 'Logger ind …',
  refused: 'Brugernavnet eller adgangskoden er forkert, eller kontoen er låst et stykke tid efter for mange forsøg.',
  required: 'Udfyld feltet.',
  errorSummary: 'Ret venligst følgende:',
  failed: 'Vi kunne ikke logge dig ind lige nu. Prøv igen om lidt.',
  signedInAs: 'Du er logget ind som {name}.',
  toConsole: 'Gå til chatkonsollen',
  toRota: 'Gå til vagtplanen',
  signOut: 'Log ud',
  signedOut: 'Du er logget ud.',
  toAdmin: 'Kommunens indstillinger',
  toStatistics: 'Statistik',
} as const;

const en: { [K in keyof typeof da]: string } = {
  heading: 'Sign in',
  intro: 'For the hotline’s staff and coordinators.',
  userName: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in …',
  refused: 'The user name or password is wrong, or the account is locked for a while after too many attempts.',
  required: 'Fill in the field.',
  errorSummary: 'Please correct the following:',
  failed: 'We could not sign you in right now. Please try again shortly.',
  signedInAs: 'You are signed in as {name}.',
  toConsole: 'Go to the chat console',
  toRota: 'Go to the rota',
  signOut: 'Sign out',
  signedOut: 'You are signed out.',
  toAdmin: 'Kommune settings',
  toStatistics: 'Statistics',
};

export const t = translator(da, en);
