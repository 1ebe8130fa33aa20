/** Where the page posts `{ channel, args }` when the harness runs with `transport: 'http'`. */
export const INVOKE_PATH = '/__rapport/invoke';
