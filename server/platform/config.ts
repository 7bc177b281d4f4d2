import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** postgres://… for a PostgreSQL server; undefined runs the embedded PGlite database. */
  databaseUrl?: string;
  dataDir: string;
  production: boolean;
  /** Demo mode loads the demo catalog and demo accounts. Never in production. */
  demo: boolean;
  webDir: string;
  maxUploadBytes: number;
  logLevel: string;
  sessionTtlHours: number;
  /** Failed logins allowed per account / per address within the window before further attempts are refused. */
  loginLimit: { perAccount: number; perAddress: number; windowMinutes: number };
  /** Faster password hashing for tests and benchmarks; never in production. */
  fastPasswordHash: boolean;
  /** HTTP SMS gateway (POST JSON {phone, body}); without one, messages go to <dataDir>/sms.log. */
  smsGatewayUrl?: string;
  /** SM4 master key (32 hex digits) that encrypts the departments' private signing keys; demo mode generates <dataDir>/master.key. */
  masterKey?: string;
  /** The address citizens reach the platform at; licence and 亮证 QR codes point there. */
  publicUrl: string;
  /** The department that makes (signs) the departments' e-seals: the e-seal platform's operator. */
  sealMakerDepartment: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.TONGBAN_DATA_DIR ?? 'var/data'),
    production,
    demo: env.TONGBAN_DEMO ? env.TONGBAN_DEMO === '1' : !production,
    webDir: resolve(env.TONGBAN_WEB_DIR ?? 'dist/web'),
    maxUploadBytes: Number(env.TONGBAN_MAX_UPLOAD_MB ?? 10) * 1024 * 1024,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    sessionTtlHours: Number(env.TONGBAN_SESSION_TTL_HOURS ?? 12),
    loginLimit: {
      perAccount: Number(env.TONGBAN_LOGIN_LIMIT_ACCOUNT ?? 5),
      perAddress: Number(env.TONGBAN_LOGIN_LIMIT_ADDRESS ?? 20),
      windowMinutes: 15,
    },
    fastPasswordHash: !production && env.TONGBAN_FAST_HASH === '1',
    smsGatewayUrl: env.TONGBAN_SMS_GATEWAY_URL || undefined,
    masterKey: env.TONGBAN_MASTER_KEY || undefined,
    publicUrl: (env.TONGBAN_PUBLIC_URL || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    sealMakerDepartment: env.TONGBAN_SEAL_MAKER || 'sjj',
  };
}
