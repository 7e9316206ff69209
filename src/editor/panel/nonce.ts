// A fresh random nonce for each load of a webview's HTML, so that only the script tag we wrote may run.
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}
