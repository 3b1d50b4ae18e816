import { ConfigError, loadConfig, type AppConfig } from './config';

/**
 * Loads configuration before Nest starts; on problems prints one line per problem and exits 1,
 * so a misconfigured container fails fast in its logs instead of half-starting.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Mangfold cannot start, the configuration has ${error.problems.length} problem(s):\n`);
      for (const p of error.problems) process.stderr.write(`${p}\n`);
      process.exit(1);
    }
    throw error;
  }
}
