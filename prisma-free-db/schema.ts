import type { SchemaDefinition } from '@mangfold/db';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export const SCHEMA: SchemaDefinition = { entities: ENTITIES, migrations: MIGRATIONS };
