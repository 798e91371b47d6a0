/**
 * The app's clipboard writes go through here, so a kiosk wipe can take back what the app put there: after
 * `copyText`, `clearCopiedText()` overwrites the clipboard with an empty string (a later copy by the user from
 * another program is overwritten too — on a shared device that is wanted). Kiosk mode offers no copy at all; this
 * is the second line of defence.
 */
let wrote = false;

export async function copyText(text: string, clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard): Promise<void> {
  if (!clipboard) throw new Error('clipboard unavailable');
  await clipboard.writeText(text);
  wrote = true;
}

/** True when the app has written to the clipboard since the last clear. */
export function hasCopiedText(): boolean {
  return wrote;
}

/** Empty the clipboard if the app wrote to it (kiosk wipe, 清除全部数据). Never throws. */
export async function clearCopiedText(clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard): Promise<boolean> {
  if (!wrote || !clipboard) return false;
  try {
    await clipboard.writeText('');
    wrote = false;
    return true;
  } catch {
    return false;
  }
}
