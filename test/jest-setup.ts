import 'reflect-metadata';
import { Logger } from '@nestjs/common';

// Nest's static logger speaks before an app installs pino; keep test output to what matters.
Logger.overrideLogger(process.env.LOG_LEVEL === 'debug' ? ['log', 'error', 'warn', 'debug'] : ['error', 'warn']);
