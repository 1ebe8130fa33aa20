import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRenderer } from 'electron';
import { createBridgeApi } from '../shared/bridge.js';
import type { BridgeTransport } from '../shared/contract.js';
import type { Result } from '../shared/result.js';
import { bridgeEventNames, channelNames } from './channel-names.js';

/**
 * The renderer's only way to main: one `invoke` per contract channel, and event listeners that
 * receive the payload alone. The IPC event is dropped because it carries `sender`, i.e. a way
 * back into raw IPC, which would undo context isolation.
 */
export function createIpcTransport(
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
): BridgeTransport {
  return {
    invoke: (channel, args) => ipc.invoke(channel, args) as Promise<Result<unknown>>,
    subscribe(event, listener) {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld(
  'rapport',
  createBridgeApi(channelNames, bridgeEventNames, createIpcTransport(ipcRenderer)),
);
