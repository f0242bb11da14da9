import { spawn } from 'node:child_process';

/** The OSC 52 sequence that asks the terminal to put `text` on the clipboard. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** Copy through the terminal (works over ssh and in tmux with set-clipboard on); only when the user asks. */
export function copyToClipboard(text: string, write: (data: string) => void): void {
  write(osc52(text));
}

/** The system's URL opener and its arguments (never a shell). */
export function openerCommand(url: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', url]];
  return ['xdg-open', [url]];
}

/** Open a URL in the browser, detached; rejects when no opener can be started. */
export function openInBrowser(url: string): Promise<void> {
  const [cmd, args] = openerCommand(url);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
    child.once('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
