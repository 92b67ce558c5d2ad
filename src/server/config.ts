import { z } from 'zod';

// Read once at start and validated, so a bad setting fails fast with a message naming it.
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('data'),
    SESSION_SECRET: z.string().optional(),
    SESSION_HOURS: z.coerce.number().positive().max(24).default(8),
    LOGIN_MAX_PER_MINUTE: z.coerce.number().int().positive().default(10),
    DEMO_DATA: z.enum(['true', 'false']).default('true'),
    DEMO_PASSWORD: z.string().min(8).default('varde-demo-2026'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // The justice sector's public keys (a JWKS file) that signed messages are verified against.
    // Unset outside production: the demo key in modules/integration/demo-keys. Unset in production: none.
    ESAS_JWKS_PATH: z.string().min(1).optional(),
    // Facility codes for a new sentence when the message names no municipality with a facility.
    ESAS_DEFAULT_PRISON: z.string().min(1).optional(),
    ESAS_DEFAULT_PROBATION_OFFICE: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (!env.DATABASE_URL)
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production' });
    if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required in production (at least 32 characters)',
      });
    if (env.DEMO_DATA === 'true')
      ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'must be false in production' });
  });

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionHours: number;
  loginMaxPerMinute: number;
  demoData: boolean;
  demoPassword: string;
  logLevel: Env['LOG_LEVEL'];
  secureCookies: boolean;
  esasJwksPath: string | undefined;
  esasDefaultPrison: string | undefined;
  esasDefaultProbationOffice: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    sessionHours: e.SESSION_HOURS,
    loginMaxPerMinute: e.LOGIN_MAX_PER_MINUTE,
    demoData: e.DEMO_DATA === 'true',
    demoPassword: e.DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.NODE_ENV === 'production',
    esasJwksPath: e.ESAS_JWKS_PATH,
    esasDefaultPrison: e.ESAS_DEFAULT_PRISON,
    esasDefaultProbationOffice: e.ESAS_DEFAULT_PROBATION_OFFICE,
  };
}
