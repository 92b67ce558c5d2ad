// Identity numbers never reach a log line: any run of 11 digits is masked before it is written.
const ELEVEN_DIGITS = /(?<!\d)(\d{6})\d{5}(?!\d)/g;

export function redactIdentityNumbers(text: string): string {
  return text.replace(ELEVEN_DIGITS, '$1*****');
}
