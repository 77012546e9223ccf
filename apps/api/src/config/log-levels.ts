import type { LogLevel } from '@nestjs/common';
import type { AppConfig } from './config';

/** The Nest log levels that each LOG_LEVEL shows. */
export const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['error', 'warn', 'log', 'debug'],
  info: ['error', 'warn', 'log'],
  warn: ['error', 'warn'],
  error: ['error'],
};
