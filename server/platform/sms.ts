// The SMS gateway: the one way text messages leave the system. A deployment points TONGBAN_SMS_GATEWAY_URL
// at its operator's HTTP gateway (POST JSON {phone, body}); without one, messages are written to a log file
// in the data folder, so a demo shows exactly what citizens would receive.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface SmsGateway {
  /** Resolves once the gateway accepted the message; throws when it did not. */
  send(phone: string, body: string): Promise<void>;
  readonly kind: 'http' | 'file';
}

export function httpSmsGateway(url: string, timeoutMs = 5000): SmsGateway {
  return {
    kind: 'http',
    async send(phone, body) {
      const res = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, body }), signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export function fileSmsGateway(path: string, now: () => Date = () => new Date()): SmsGateway {
  return {
    kind: 'file',
    async send(phone, body) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify({ at: now().toISOString(), phone, body })}\n`);
    },
  };
}
