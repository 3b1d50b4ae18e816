import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@mangfold/config';
import { createWorkerApp } from './create-worker-app';

createWorkerApp(loadConfigOrExit()).then(
  // The worker has no HTTP endpoint to ask; its start line says which Node it runs on.
  () => new Logger('Worker').log(`started on Node ${process.versions.node}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
