/**
 * Control characters (C0, DEL, C1) a message could carry from an input — a unit name from a CSV with terminal escape
 * sequences, a file or sheet name — would act on a terminal or a cron log (clear the screen, erase the line above and
 * hide a warning, set the window title). In every message they are shown instead: a C0 character and DEL as its
 * Unicode "control picture" (␛ for ESC), a C1 character as U+FFFD; line breaks and tabs of a message stay.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is shown here
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

export function visible(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}
