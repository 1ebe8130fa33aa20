import type { IpcMain, WebFrameMain } from 'electron';
import { channels } from '../../shared/contract.js';
import { fail } from '../../shared/result.js';
import { dispatch, type Handlers, type Logger } from './dispatch.js';

/**
 * Registers one `ipcMain.handle` per contract channel. Each call first checks that it comes from
 * our own top-level page (a frame from elsewhere, e.g. an injected iframe, is refused).
 */
export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  isTrustedFrame: (frame: WebFrameMain | null) => boolean,
  log?: Logger,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, args: unknown) => {
      if (!isTrustedFrame(event.senderFrame)) {
        return fail('forbidden', 'This request did not come from Rapport.');
      }
      return dispatch(handlers, channel, args, log);
    });
  }
}

/** True for frames showing our own pages: the app:// protocol, or the dev server in `npm run dev`. */
export function trustedFrameCheck(devServerUrl: string | undefined) {
  return (frame: WebFrameMain | null): boolean => {
    if (!frame || frame.parent) return false;
    try {
      const url = new URL(frame.url);
      if (url.protocol === 'app:' && url.host === 'rapport') return true;
      if (devServerUrl) return url.origin === new URL(devServerUrl).origin;
      return false;
    } catch {
      return false;
    }
  };
}
