import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@mangfold/config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen(config.http.port, '0.0.0.0');
  new Logger('Api').log(`listening on port ${config.http.port}; GraphQL at ${config.http.publicBaseUrl}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
