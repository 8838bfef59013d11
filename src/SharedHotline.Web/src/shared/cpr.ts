/**
 * CPR numbers (ddmmyy-xxxx with a plausible date, with or without a dash, space, dot or slash, separators inside
 * the date too) as the server's log masking finds them (Domain/Privacy/CprNumbers.cs); used where the citizen's
 * own text leaves the page, such as the downloaded transcript.
 */
const cpr = /(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])[ .\-/]?(?:0[1-9]|1[0-2])[ .\-/]?[0-9]{2}[-\u2010\u2011\u2012\u2013\u2014 ./]?[0-9]{4}(?![0-9])/g;

export const cprMask = 'XXXXXX-XXXX';

export function maskCpr(text: string): string {
  return text.replace(cpr, cprMask);
}
