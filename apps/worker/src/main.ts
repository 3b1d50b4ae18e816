import 'reflect-metadata';
import { loadConfigOrExit } from '@mangfold/config';
import { createWorkerApp } from './create-worker-app';

createWorkerApp(loadConfigOrExit()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
