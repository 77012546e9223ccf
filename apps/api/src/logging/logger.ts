import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../config/config';
import { currentRequestId } from './request-context';

/** Paths pino blanks out wherever they occur in a log line (defence in depth: we do not log these on purpose). */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.ticket',
];

const loggers = new Map<string, PinoLogger>();

/** The process's JSON logger for a LOG_LEVEL (one per level, shared by every app in the process). */
export function rootLogger(level: AppConfig['logLevel'], destination?: DestinationStream): PinoLogger {
  if (destination) return createLogger(level, destination);
  let logger = loggers.get(level);
  if (!logger) loggers.set(level, (logger = createLogger(level)));
  return logger;
}

function createLogger(level: string, destination?: DestinationStream): PinoLogger {
  const options = { level, base: { pid: process.pid }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's LoggerService on pino: every `new Logger(Context)` call becomes one
 * JSON line with `context` as a field and, inside an HTTP request, its
 * `requestId`.
 */
export class NestPinoLogger implements LoggerService {
  constructor(readonly pino: PinoLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    // Nest appends the Logger's context as the last argument (and, for error, a stack before it).
    if (rest.length && typeof rest[rest.length - 1] === 'string') fields.context = rest.pop();
    if (
      level === 'error' &&
      rest.length &&
      (rest[0] === undefined || (typeof rest[0] === 'string' && /\n\s+at /.test(rest[0])))
    ) {
      const stack = rest.shift();
      if (stack) fields.stack = stack;
    }
    const requestId = currentRequestId();
    if (requestId) fields.requestId = requestId;
    const extra = rest.filter((p) => p !== undefined);
    if (extra.length) fields.details = extra.length === 1 ? extra[0] : extra;
    if (message instanceof Error) {
      fields.err = message;
      this.pino[level](fields, message.message);
    } else if (typeof message === 'string') {
      this.pino[level](fields, message);
    } else {
      fields.details = message;
      this.pino[level](fields);
    }
  }
}
